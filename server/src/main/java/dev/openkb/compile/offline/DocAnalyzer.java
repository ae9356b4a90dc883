package dev.openkb.compile.offline;

import dev.openkb.compile.text.Boilerplate;
import dev.openkb.compile.DocAnalysis;
import dev.openkb.compile.text.DocText;
import dev.openkb.compile.text.Extracts;
import dev.openkb.compile.text.Sentence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one document with the language models and makes its {@link DocAnalysis}: the description
 * (the document's own best statement of what it is), the key passages (TextRank), the key phrases
 * (noun phrases) and the proper names. Runs on a prepare worker, outside the KB lock.
 *
 * <p>Thread-safety: none; one analyzer per document, on one thread (it owns a {@link Tagger}).
 */
final class DocAnalyzer {
    private static final Pattern ABSTRACT = Pattern.compile("(?i)^(?:\\d+\\.?\\s*)?(?:abstract|summary|overview|synopsis"
            + "|description|introduction|about)\\W*$");
    private static final Pattern BACK_MATTER = Pattern.compile("(?i)^(?:\\d+\\.?\\s*|[a-z]\\.?\\s+)?(?:references|bibliography"
            + "|works cited|literature cited|acknowledge?ments?|appendix.*|index|notes|footnotes|license|licence"
            + "|copying(?: information)?|gnu free documentation license|copyright)\\W*$");
    /** "Abstract" run into the abstract's first sentence, as PDF text extraction leaves it. */
    private static final Pattern ABSTRACT_WORD = Pattern.compile("^(?:Abstract|ABSTRACT|Summary|SUMMARY)[.:—-]?\\s+(?=\\p{Lu})");
    private static final Set<String> CONTENT_TAGS = Set.of("NOUN", "PROPN", "VERB", "ADJ");

    private final Tagger tagger;
    private final Lexicon lexicon;
    private final KeyPhrases keyPhrases;
    private final ProperNames properNames;
    private final Map<Sentence, Tagged> tagged = new IdentityHashMap<>();

    DocAnalyzer(Tagger tagger, Lexicon lexicon, KeyPhrases keyPhrases, ProperNames properNames) {
        this.tagger = tagger;
        this.lexicon = lexicon;
        this.keyPhrases = keyPhrases;
        this.properNames = properNames;
    }

    DocAnalysis analyze(String sample, int phraseLimit) {
        DocText doc = DocText.parse(sample);
        Set<Sentence> body = body(doc);
        List<KeyPhrase> phrases = keyPhrases.extract(doc, body, this::tag, phraseLimit);
        String description = description(doc, body);
        List<KeyPassages.Candidate> candidates = new ArrayList<>();
        int position = 0;
        for (Sentence s : doc.prose()) {
            position++;
            if (body.contains(s) && isPassage(s)) {
                candidates.add(new KeyPassages.Candidate(s.text(), position, contentLemmas(tag(s))));
            }
        }
        List<ProperName> names = new StatedTypes(lexicon).apply(doc, body, properNames.extract(doc), this::tag);
        return new DocAnalysis(doc, phrases, names, description, KeyPassages.rank(candidates));
    }

    /** The sentences outside back matter (references, acknowledgements, licences, indexes). */
    private static Set<Sentence> body(DocText doc) {
        Set<Sentence> out = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        boolean back = false;
        for (List<Sentence> paragraph : doc.paragraphs()) {
            Sentence first = paragraph.get(0);
            if (first.heading()) {
                back = BACK_MATTER.matcher(first.text().strip()).matches();
            }
            if (!back) {
                out.addAll(paragraph);
            }
        }
        return out;
    }

    /**
     * The first sentence that says what the document is: in the paragraph under an "Abstract" (or
     * "Overview", "Introduction"...) heading when there is one, else the first in the body; a
     * sentence of six words or more, with a verb, that is no notice, navigation, front matter,
     * code or question list. The sentences after it in its paragraph follow while they fit.
     * "" when the document has none.
     */
    private String description(DocText doc, Set<Sentence> body) {
        List<List<Sentence>> paragraphs = doc.paragraphs();
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i + 1 < paragraphs.size(); i++) {
            Sentence h = paragraphs.get(i).get(0);
            if (h.heading() && ABSTRACT.matcher(h.text().strip()).matches()) {
                String d = fromParagraphs(paragraphs.subList(i + 1, Math.min(paragraphs.size(), i + 4)), body);
                if (!d.isEmpty()) {
                    candidates.add(d);
                    break;
                }
            }
        }
        candidates.add(fromParagraphs(paragraphs, body));
        // The abstract's statement first, the body's opening one next; but one too long for a
        // description would be cut mid-way, so the other is taken when it fits and this does not.
        for (String d : candidates) {
            if (!d.isEmpty() && d.length() < Extracts.DESCRIPTION_MAX) {
                return d;
            }
        }
        for (String d : candidates) {
            if (!d.isEmpty()) {
                return Extracts.clip(d, Extracts.DESCRIPTION_MAX);
            }
        }
        return table(paragraphs);
    }

    /**
     * For a document with no sentence to offer but a table (a spreadsheet, a CSV): what the table
     * holds, "A table of 35 rows with the columns version, codename, series and release." "" when
     * there is no table with a header row.
     */
    private static String table(List<List<Sentence>> paragraphs) {
        for (List<Sentence> p : paragraphs) {
            if (p.size() >= 2 && p.get(0).heading() && p.get(1).kind() == Sentence.Kind.ROW) {
                List<String> columns = List.of(p.get(0).text().split(" — "));
                long rows = p.stream().filter(x -> x.kind() == Sentence.Kind.ROW).count();
                String cols = columns.size() == 1 ? "the column " + columns.get(0)
                        : "the columns " + String.join(", ", columns.subList(0, columns.size() - 1)) + " and "
                        + columns.get(columns.size() - 1);
                return Extracts.clip("A table of " + rows + (rows == 1 ? " row" : " rows") + " with " + cols + ".",
                        Extracts.DESCRIPTION_MAX);
            }
        }
        return "";
    }

    /** The first statement of {@code paragraphs} with the statements after it in its paragraph that fit, not clipped. */
    private String fromParagraphs(List<List<Sentence>> paragraphs, Set<Sentence> body) {
        for (List<Sentence> paragraph : paragraphs) {
            for (int k = 0; k < paragraph.size(); k++) {
                Sentence s = paragraph.get(k);
                if (s.kind() == Sentence.Kind.PROSE && body.contains(s) && isStatement(s)) {
                    StringBuilder b = new StringBuilder(s.text());
                    for (int m = k + 1; m < paragraph.size(); m++) {
                        Sentence next = paragraph.get(m);
                        if (b.length() + 1 + next.text().length() >= Extracts.DESCRIPTION_MAX || !isStatement(next)) {
                            break;
                        }
                        b.append(' ').append(next.text());
                    }
                    return ABSTRACT_WORD.matcher(b).replaceFirst("");
                }
            }
        }
        return "";
    }

    /** A sentence a reader would accept as a description: whole, declarative, about the subject. */
    private boolean isStatement(Sentence s) {
        String t = s.text().strip();
        if (s.words().size() < 6 || t.endsWith(":") || t.endsWith("?") || Boilerplate.isBoilerplate(t)
                || Boilerplate.isCodeLike(t) || !Character.isUpperCase(t.codePointAt(0)) && !Character.isDigit(t.codePointAt(0))) {
            return false;
        }
        long capitalised = s.words().stream().filter(w -> Character.isUpperCase(w.text().codePointAt(0))).count();
        return capitalised * 2 <= s.words().size() && tag(s).hasVerb();
    }

    private boolean isPassage(Sentence s) {
        int n = s.words().size();
        return n >= 6 && n <= 60 && !Boilerplate.isBoilerplate(s.text()) && !Boilerplate.isCodeLike(s.text())
                && tag(s).hasVerb();
    }

    private Set<String> contentLemmas(Tagged t) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < t.size(); i++) {
            String lemma = t.lemma(i);
            if (CONTENT_TAGS.contains(t.tags()[i]) && lemma.length() >= 3 && !lexicon.isStopWord(lemma)
                    && lemma.codePoints().anyMatch(Character::isLetter)) {
                out.add(lemma.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** Each sentence is tagged once per analysis. */
    Tagged tag(Sentence s) {
        return tagged.computeIfAbsent(s, x -> tagger.tag(x.text()));
    }
}
