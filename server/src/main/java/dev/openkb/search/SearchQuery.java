package dev.openkb.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A question as people type it, turned into an FTS5 MATCH expression. Words are OR-ed, so BM25 ranks
 * passages by how many of the question's rarer words they hold (all-words AND would find nothing for
 * a paraphrase); common English function words are dropped when anything else is left; a
 * {@code "quoted phrase"} must appear as a phrase; {@code word*} matches as a prefix. Every term is
 * written as an FTS5 string, so no user text is ever parsed as FTS5 syntax (NEAR, AND, column
 * filters, unbalanced quotes). Immutable.
 *
 * @param expression the MATCH expression, or empty when the question has no word to search for
 * @param terms      the words and phrases searched for, as typed (lowercased)
 */
public record SearchQuery(String expression, List<String> terms) {
    private static final Set<String> STOP = Set.of("a", "an", "and", "are", "as", "at", "be", "been", "by", "can",
            "could", "did", "do", "does", "for", "from", "had", "has", "have", "how", "i", "if", "in", "into", "is",
            "it", "its", "me", "my", "of", "on", "or", "our", "should", "so", "that", "the", "their", "them", "then",
            "there", "these", "they", "this", "those", "to", "was", "we", "were", "what", "when", "where", "which",
            "who", "whom", "why", "will", "with", "would", "you", "your", "about", "any", "tell", "explain",
            "s", "t", "than", "also", "get", "use", "using", "used", "there's", "what's", "whats", "kind", "some");

    public boolean isEmpty() {
        return expression.isEmpty();
    }

    public static SearchQuery parse(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        Set<String> phrases = new LinkedHashSet<>();
        StringBuilder rest = new StringBuilder();
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            int close = c == '"' ? q.indexOf('"', i + 1) : -1;
            if (close > i) {
                List<String> words = words(q.substring(i + 1, close));
                if (!words.isEmpty()) {
                    phrases.add(String.join(" ", words));
                }
                i = close + 1;
            } else {
                rest.append(c == '"' ? ' ' : c);
                i++;
            }
        }
        Set<String> plain = new LinkedHashSet<>();
        Set<String> prefixes = new LinkedHashSet<>();
        String r = rest.toString();
        int start = -1;
        for (int k = 0; k <= r.length(); k++) {
            boolean word = k < r.length() && Character.isLetterOrDigit(r.codePointAt(k));
            if (word && start < 0) {
                start = k;
            } else if (!word && start >= 0) {
                String w = r.substring(start, k);
                if (k < r.length() && r.charAt(k) == '*' && w.length() >= 2) {
                    prefixes.add(w);
                } else {
                    plain.add(w);
                }
                start = -1;
            }
        }
        Set<String> content = new LinkedHashSet<>();
        for (String w : plain) {
            if (!STOP.contains(w)) {
                content.add(w);
            }
        }
        if (content.isEmpty() && phrases.isEmpty() && prefixes.isEmpty()) {
            content = plain;
        }
        List<String> parts = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        for (String p : phrases) {
            parts.add(quote(p));
            terms.add("\"" + p + "\"");
        }
        for (String p : prefixes) {
            parts.add(quote(p) + "*");
            terms.add(p + "*");
        }
        for (String w : content) {
            parts.add(quote(w));
            terms.add(w);
        }
        return new SearchQuery(String.join(" OR ", parts), List.copyOf(terms));
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
