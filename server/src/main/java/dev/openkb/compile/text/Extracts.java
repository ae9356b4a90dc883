package dev.openkb.compile.text;

import dev.openkb.compile.offline.KeyPhrases;
import dev.openkb.compile.pages.PageWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Picking sentences out of a document: its lead (for a description), the sentences that mention a
 * phrase or a name, and the one that reads most like a definition. Stateless.
 */
public final class Extracts {
    /** Descriptions stay under this many characters. */
    public static final int DESCRIPTION_MAX = 200;
    private static final Pattern DEFINITIONAL = Pattern.compile(
            "^\\s*(?:\\([^)]*\\)\\s*)?(?:,\\s*(?:a|an|the)\\b|(?:is|are|was|were|refers|means|describes|denotes|"
                    + "represents|consists|stands|defines)\\b)");

    private static final Pattern PRONOUN_START = Pattern.compile("^(?:it|this|that|these|those|they|he|she|we|its|their)\\b");

    private Extracts() {
    }

    /** {@code s} cut at a word boundary to fewer than {@code max} characters, with "…" when cut. */
    public static String clip(String s, int max) {
        return PageWriter.clip(s, max);
    }

    /**
     * The document's own leading sentences: those of its first prose paragraph with at least five
     * words, as many as fit under {@code max} characters (the first one clipped when alone it does
     * not). Empty when the document has no such paragraph.
     */
    public static String lead(DocText doc, int max) {
        for (List<Sentence> paragraph : doc.paragraphs()) {
            if (paragraph.get(0).kind() != Sentence.Kind.PROSE || paragraph.stream().mapToInt(s -> s.words().size()).sum() < 5) {
                continue;
            }
            StringBuilder b = new StringBuilder();
            for (Sentence s : paragraph) {
                String next = b.length() == 0 ? s.text() : b + " " + s.text();
                if (next.length() >= max) {
                    break;
                }
                b.setLength(0);
                b.append(next);
            }
            return b.length() > 0 ? b.toString() : clip(paragraph.get(0).text(), max);
        }
        return "";
    }

    /**
     * The sentences of {@code doc} that pass {@code test} and can be quoted as a fact about a subject:
     * prose statements only (see {@link #isFact}). A table row is never one: "Git — lock files renamed
     * over refs" says nothing until its column headers are read with it, and the headers are not
     * quoted, so a row on a concept or entity page reads as a claim the document never made.
     */
    public static List<Sentence> mentioning(DocText doc, Predicate<Sentence> test) {
        List<Sentence> out = new ArrayList<>();
        for (Sentence s : doc.prose()) {
            if (isFact(s) && test.test(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * A prose sentence that reads as a statement: five words or more, at least three tenths
     * of them (and two) lower-case words (a run of capitalised words is a heading or a table header run into the text),
     * no more than a quarter of them numbers (a PDF table's cells extracted as a line: "NVMe SSD file
     * fsync 0.8 1.4 2.1"), no code (semicolons aside: prose lists citations with them) and no boilerplate.
     */
    public static boolean isFact(Sentence s) {
        if (s.kind() != Sentence.Kind.PROSE) {
            return false;
        }
        List<Word> words = s.words();
        int lower = 0;
        int numbers = 0;
        for (Word w : words) {
            String t = w.text();
            if (Character.isDigit(t.codePointAt(0))) {
                numbers++;
            } else if (Character.isLowerCase(t.codePointAt(0))) {
                lower++;
            }
        }
        return words.size() >= 5 && lower >= 2 && lower * 10 >= words.size() * 3 && numbers * 4 <= words.size()
                && !Boilerplate.isBoilerplate(s.text()) && !Boilerplate.isCodeLike(s.text().replace(';', ','));
    }

    /** True when the sentence's words contain the phrase (compared by {@link KeyPhrases#key}). */
    public static Predicate<Sentence> containsPhrase(String key) {
        String[] want = key.split(" ");
        return s -> indexOfPhrase(s, want) >= 0;
    }

    /** The phrase as the sentence writes it (original case), or null when absent. */
    public static String phraseAsWritten(Sentence s, String key) {
        String[] want = key.split(" ");
        int at = indexOfPhrase(s, want);
        if (at < 0) {
            return null;
        }
        List<String> words = new ArrayList<>();
        for (int i = at; i < at + want.length; i++) {
            words.add(s.words().get(i).text());
        }
        return String.join(" ", words);
    }

    /**
     * How the sentences most often write the phrase, lower case (the first in alphabetical order on a
     * tie), or {@code key} when none does: read from the sentences alone, so any document's mentions
     * give the same answer whichever document asks.
     */
    public static String mostWritten(List<Sentence> mentions, String key) {
        java.util.TreeMap<String, Integer> counts = new java.util.TreeMap<>();
        for (Sentence s : mentions) {
            String w = phraseAsWritten(s, key);
            if (w != null) {
                counts.merge(w.toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        String best = key;
        int bestCount = 0;
        for (java.util.Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    private static int indexOfPhrase(Sentence s, String[] want) {
        List<Word> words = s.words();
        outer:
        for (int i = 0; i + want.length <= words.size(); i++) {
            for (int j = 0; j < want.length; j++) {
                if (!KeyPhrases.key(words.get(i + j).text().toLowerCase(Locale.ROOT)).equals(want[j])) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * The mention that best says what the subject is: one that reads like a definition ("X is ...",
     * "X, a ..."), else one that starts with the subject, else one that does not open with a pronoun,
     * else the first; null when there are none.
     */
    public static Sentence definition(List<Sentence> mentions, String asWrittenLower) {
        Sentence best = null;
        int bestScore = -2;
        for (Sentence s : mentions) {
            String lower = s.text().toLowerCase(Locale.ROOT);
            int at = lower.indexOf(asWrittenLower);
            int score = 0;
            if (at >= 0 && DEFINITIONAL.matcher(lower.substring(at + asWrittenLower.length())).find()) {
                score = 3;
            } else if (at == 0 || at > 0 && lower.substring(0, at).matches("(?:the|a|an)\\s+")) {
                score = 2;
            } else if (!PRONOUN_START.matcher(lower).find()) {
                score = 1;
            }
            if (score > bestScore) {
                best = s;
                bestScore = score;
            }
        }
        return best;
    }
}
