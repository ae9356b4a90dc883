package dev.openkb.wiki;

import java.util.Comparator;

/**
 * The few Python string semantics OpenKB's wiki code relies on, so that our results match its output
 * on the same KB: {@code str.strip()} (Python's notion of whitespace is wider than Java's),
 * {@code str.strip(chars)}, {@code Path(...).stem}, and Python's code-point string order (Java's
 * {@code compareTo} orders UTF-16 units, which differs above U+FFFF). Stateless.
 */
public final class PyText {
    /** Python's {@code sorted()} order for {@code str}: by code point. */
    public static final Comparator<String> CODEPOINT_ORDER = PyText::compareCodePoints;

    /** Python's order for {@code PurePosixPath}: part by part, each part by code point. */
    public static final Comparator<String> PATH_ORDER = PyText::comparePaths;

    private PyText() {
    }

    /** Python's {@code str.isspace()} for one char (BMP whitespace is all Python knows). */
    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085'
                || (c >= '\u001c' && c <= '\u001f');
    }

    /** Python's {@code s.strip()}. */
    public static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Python's {@code s.strip(c)} for a single strip character. */
    public static String strip(String s, char c) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == c) {
            start++;
        }
        while (end > start && s.charAt(end - 1) == c) {
            end--;
        }
        return s.substring(start, end);
    }

    /** The last '/'-separated segment of {@code path}, ignoring trailing slashes (Python's {@code Path.name}). */
    public static String name(String path) {
        String p = path;
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        int slash = p.lastIndexOf('/');
        return slash < 0 ? p : p.substring(slash + 1);
    }

    /** Python's {@code Path(path).stem}: the name without its last suffix ({@code "a.b.c"} gives {@code "a.b"}). */
    public static String stem(String path) {
        String name = name(path);
        int dot = name.lastIndexOf('.');
        return dot > 0 && dot < name.length() - 1 ? name.substring(0, dot) : name;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int comparePaths(String a, String b) {
        String[] pa = a.split("/", -1);
        String[] pb = b.split("/", -1);
        for (int k = 0; k < Math.min(pa.length, pb.length); k++) {
            int c = compareCodePoints(pa[k], pb[k]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pa.length, pb.length);
    }
}
