package dev.openkb.compile;

import java.util.List;

/**
 * The small per-document record the offline compiler keeps in each summary's frontmatter, so a new
 * document is matched against the KB without re-reading every source.
 *
 * @param docName    the document
 * @param keyphrases its top key phrases ({@link KeyPhrase#key} form)
 * @param names      its proper names ({@link ProperName#key} form)
 */
record DocRecord(String docName, List<String> keyphrases, List<String> names) {
    static final String KEYPHRASES = "keyphrases";
    static final String NAMES = "names";

    DocRecord {
        keyphrases = List.copyOf(keyphrases);
        names = List.copyOf(names);
    }
}
