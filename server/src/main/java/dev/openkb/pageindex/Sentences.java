package dev.openkb.pageindex;

import java.text.BreakIterator;
import java.util.Locale;

/**
 * Deterministic extractive summaries: the first one or two "real" sentences of a text. A real
 * sentence ends with sentence punctuation and reads like prose (enough words and letters), which
 * skips page numbers, figure labels and table debris. Stateless.
 */
final class Sentences {
    private static final String ELLIPSIS = "…";

    private Sentences() {
    }

    /**
     * The first real sentence of {@code text}, plus the second while both fit in {@code maxChars};
     * a single sentence longer than that is cut at a word boundary and ends with "…". Returns "" when
     * the text holds no real sentence.
     */
    static String lead(String text, int maxChars) {
        String flat = text.replaceAll("\\s+", " ").strip();
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
        it.setText(flat);
        String first = null;
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String s = flat.substring(start, end).strip();
            if (!isReal(s)) {
                continue;
            }
            if (first == null) {
                first = s;
                if (first.length() >= maxChars / 2) {
                    break;
                }
            } else {
                String both = first + " " + s;
                return both.length() <= maxChars ? both : first;
            }
        }
        if (first == null) {
            return "";
        }
        return first.length() <= maxChars ? first : cut(first, maxChars);
    }

    /** True when {@code s} ends like a sentence and is mostly words. */
    static boolean isReal(String s) {
        if (s.length() < 20) {
            return false;
        }
        if (!endsSentence(s.charAt(s.length() - 1))) {
            return false;
        }
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                letters++;
            }
        }
        boolean spaced = s.split(" ").length >= 4;
        boolean ideographic = s.codePoints().anyMatch(Character::isIdeographic);
        return letters * 2 >= s.length() && (spaced || ideographic);
    }

    /** Sentence-final punctuation, including a closing quote or bracket after it. */
    static boolean endsSentence(char c) {
        return ".!?。！？\"”’)".indexOf(c) >= 0;
    }

    private static String cut(String s, int maxChars) {
        int limit = maxChars - ELLIPSIS.length();
        int space = s.lastIndexOf(' ', limit);
        int end = space > limit / 2 ? space : limit;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end).stripTrailing() + ELLIPSIS;
    }
}
