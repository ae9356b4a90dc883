package dev.openkb.convert;

/**
 * Makes extracted text safe to store as UTF-8 JSON and markdown: drops control characters other than
 * newline (PDF text often carries NULs and form feeds), turns tabs into spaces and replaces unpaired
 * surrogates (broken ToUnicode maps) with U+FFFD, which no UTF-8 encoder accepts. Stateless.
 */
final class TextCleaner {
    private TextCleaner() {
    }

    static String clean(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = null;
            if (c == '\t') {
                replacement = " ";
            } else if ((c < 0x20 && c != '\n') || c == 0x7f) {
                replacement = "";
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    if (sb != null) {
                        sb.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                replacement = "\uFFFD";
            } else if (Character.isLowSurrogate(c)) {
                replacement = "\uFFFD";
            }
            if (replacement != null && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return sb == null ? s : sb.toString();
    }
}
