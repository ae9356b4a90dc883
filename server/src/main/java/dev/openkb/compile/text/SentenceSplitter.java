package dev.openkb.compile.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a paragraph into sentences at {@code . ! ?} (after any closing quotes or brackets) followed
 * by white space and an upper-case letter, digit or opening quote, except after common abbreviations
 * and initials ("Dr. Smith", "e.g. This", "J. Doe"). Stateless.
 */
final class SentenceSplitter {
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st",
            "inc", "ltd", "co", "corp", "vs", "e.g", "i.e", "cf", "fig", "figs", "al", "no", "vol", "pp", "approx",
            "dept", "univ", "gen", "gov", "sen", "rep", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
            "sept", "oct", "nov", "dec", "u.s", "u.k", "a.m", "p.m");

    private SentenceSplitter() {
    }

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c != '.' && c != '!' && c != '?') {
                continue;
            }
            int j = i + 1;
            while (j < n && "\"')]”’»".indexOf(text.charAt(j)) >= 0) {
                j++;
            }
            if (j >= n || !Character.isWhitespace(text.charAt(j))) {
                continue;
            }
            int k = j;
            while (k < n && Character.isWhitespace(text.charAt(k))) {
                k++;
            }
            if (k >= n) {
                continue;
            }
            char next = text.charAt(k);
            boolean opens = Character.isUpperCase(next) || Character.isDigit(next) || "\"'(“[‘«".indexOf(next) >= 0;
            if (!opens || c == '.' && isAbbreviation(text, i)) {
                continue;
            }
            add(out, text.substring(start, j));
            start = k;
            i = k - 1;
        }
        add(out, text.substring(start));
        return out;
    }

    private static boolean isAbbreviation(String text, int dot) {
        int b = dot;
        while (b > 0 && (Character.isLetter(text.charAt(b - 1)) || text.charAt(b - 1) == '.')) {
            b--;
        }
        String word = text.substring(b, dot);
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true;
        }
        return ABBREVIATIONS.contains(word.toLowerCase(java.util.Locale.ROOT));
    }

    private static void add(List<String> out, String s) {
        String t = s.strip();
        if (!t.isEmpty()) {
            out.add(t);
        }
    }
}
