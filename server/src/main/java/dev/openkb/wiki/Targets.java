package dev.openkb.wiki;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Fuzzy link-target comparison, exactly OpenKB's {@code _normalize_target}: NFKC, lower case,
 * {@code _} to {@code -}, runs of {@code -} collapsed and stripped from each {@code /}-separated
 * segment (the separators themselves are kept). Stateless.
 */
public final class Targets {
    private Targets() {
    }

    /** {@code "concepts/Gist__Memory-"} gives {@code "concepts/gist-memory"}. */
    public static String normalize(String target) {
        if (isNormalAscii(target)) {
            return target;
        }
        String s = isAscii(target) ? target : Normalizer.normalize(target, Normalizer.Form.NFKC);
        s = s.toLowerCase(Locale.ROOT).replace('_', '-');
        StringBuilder out = new StringBuilder(s.length());
        int segmentStart = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '/') {
                appendSegment(out, s, segmentStart, i);
                if (i < s.length()) {
                    out.append('/');
                }
                segmentStart = i + 1;
            }
        }
        return out.toString();
    }

    /**
     * OpenKB's {@code build_norm_index}: normalised form to canonical target. Where several targets
     * share a normalised form, OpenKB keeps an arbitrary one (set order); we keep the smallest in
     * code-point order so results do not depend on iteration order.
     */
    public static Map<String, String> buildNormIndex(Collection<String> targets) {
        Map<String, String> index = new HashMap<>(targets.size() * 2);
        for (String t : targets) {
            index.merge(normalize(t), t, (a, b) -> PyText.CODEPOINT_ORDER.compare(a, b) <= 0 ? a : b);
        }
        return index;
    }

    /** Appends one segment with runs of '-' collapsed and leading/trailing '-' removed. */
    private static void appendSegment(StringBuilder out, String s, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        boolean lastHyphen = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '-') {
                if (!lastHyphen) {
                    out.append(c);
                }
                lastHyphen = true;
            } else {
                out.append(c);
                lastHyphen = false;
            }
        }
    }

    /** True when normalising cannot change {@code s}: ASCII, no capitals, no '_', no "--", no '-' at a segment edge. */
    private static boolean isNormalAscii(String s) {
        char prev = '/';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || (c >= 'A' && c <= 'Z') || c == '_' || (c == '-' && (prev == '-' || prev == '/'))
                    || (c == '/' && prev == '-')) {
                return false;
            }
            prev = c;
        }
        return prev != '-';
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
