package dev.openkb.engine;

/**
 * Makes untrusted text (file names, paths, reasons quoting them) safe to show on a terminal or to
 * write into a one-line log entry: control characters and the Unicode controls that reorder or break
 * lines are replaced by visible escapes ({@code \x1b}, {@code \n}, {@code \u009b}, {@code \u202e}),
 * so an ANSI sequence in a file name cannot move the cursor, recolour or clear the screen, forge a
 * line, or hide text. Printable text, including every other non-ASCII character, is unchanged, and
 * backslashes are not doubled: the result is for reading, not for parsing back. Stateless.
 */
public final class VisibleText {
    private VisibleText() {
    }

    /** Every control character escaped, line breaks included (one line out). */
    public static String escape(String s) {
        return escape(s, false);
    }

    /** Like {@link #escape(String)} but keeping {@code \n} (for multi-line messages built by the engine). */
    public static String escapeKeepingNewlines(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean keepNewlines) {
        if (s == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = (keepNewlines && c == '\n') ? null : replacement(c);
            if (rep != null && out == null) {
                out = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (out != null) {
                if (rep != null) {
                    out.append(rep);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }

    private static String replacement(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                break;
        }
        if (c < 0x20 || c == 0x7f) {
            return String.format("\\x%02x", (int) c);
        }
        boolean c1 = c >= 0x80 && c <= 0x9f;
        boolean bidiOrBreak = c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x2028 || c == 0x2029 || c == 0x061c;
        return c1 || bidiOrBreak ? String.format("\\u%04x", (int) c) : null;
    }
}
