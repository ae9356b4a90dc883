package dev.openkb.compile.offline;

import java.util.List;

/**
 * The small per-document record the offline compiler keeps in each summary's frontmatter, so a new
 * document is matched against the KB without re-reading every source.
 *
 * @param docName     the document
 * @param keyphrases  its top key phrases that it repeats ({@link KeyPhrase#key} form)
 * @param phrasesOnce its top multi-word phrases that it names only once (weaker evidence of a subject)
 * @param names       its proper names ({@link ProperName#key} form)
 */
record DocRecord(String docName, List<String> keyphrases, List<String> phrasesOnce, List<String> names) {
    static final String KEYPHRASES = "keyphrases";
    static final String PHRASES_ONCE = "phrases_once";
    static final String NAMES = "names";

    DocRecord {
        keyphrases = List.copyOf(keyphrases);
        phrasesOnce = List.copyOf(phrasesOnce);
        names = List.copyOf(names);
    }

    boolean repeats(String phrase) {
        return keyphrases.contains(phrase);
    }

    boolean mentions(String phrase) {
        return keyphrases.contains(phrase) || phrasesOnce.contains(phrase);
    }
}
