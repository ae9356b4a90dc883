package dev.openkb.compile.text;

import java.util.regex.Pattern;

/**
 * Inline markdown to plain text: images dropped, links and wikilinks reduced to their text, code,
 * emphasis, footnote marks and HTML tags removed, common entities decoded, whitespace collapsed.
 * Stateless.
 */
public final class Inline {
    /*
     * Every span is bounded (1,000 characters): an unbounded one made each opener without a
     * closer ("*a *a *a ...", "[a [a ...") scan to the end of the paragraph, quadratic in its length
     * (60 KB of "*a " took two minutes). Emphasis, a link's text or target longer than that is left
     * as written.
     */
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]{0,1000}]\\([^)]{0,1000}\\)");
    private static final Pattern WIKILINK = Pattern.compile("\\[\\[([^\\]|]{0,1000})(?:\\|([^\\]]{0,1000}))?]]");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]{0,1000})]\\([^)]{0,1000}\\)");
    private static final Pattern REF_LINK = Pattern.compile("\\[([^\\]]{1,1000})]\\[[^\\]]{0,1000}]");
    private static final Pattern FOOTNOTE = Pattern.compile("\\[\\^[^\\]]{0,1000}]");
    private static final Pattern AUTOLINK = Pattern.compile("<(?:https?|mailto):[^>]{0,1000}>");
    private static final Pattern CODE = Pattern.compile("`+([^`]{0,1000})`+");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(.{1,1000}?)\\1");
    private static final Pattern EM_STAR = Pattern.compile("(?<![\\w*])\\*(?!\\s)(.{1,1000}?)(?<!\\s)\\*(?![\\w*])");
    private static final Pattern EM_UNDERSCORE = Pattern.compile("(?<![\\w_])_(?!\\s)(.{1,1000}?)(?<!\\s)_(?![\\w_])");
    private static final Pattern STRIKE = Pattern.compile("~~(.{1,1000}?)~~");

    private Inline() {
    }

    static String strip(String md) {
        String s = IMAGE.matcher(md).replaceAll("");
        s = WIKILINK.matcher(s).replaceAll(m -> quote(m.group(2) != null && !m.group(2).isBlank()
                ? m.group(2) : m.group(1).substring(m.group(1).lastIndexOf('/') + 1)));
        s = LINK.matcher(s).replaceAll(m -> quote(m.group(1)));
        s = REF_LINK.matcher(s).replaceAll(m -> quote(m.group(1)));
        s = FOOTNOTE.matcher(s).replaceAll("");
        s = AUTOLINK.matcher(s).replaceAll("");
        s = withoutTags(s);
        s = CODE.matcher(s).replaceAll(m -> quote(m.group(1)));
        s = STRONG.matcher(s).replaceAll(m -> quote(m.group(2)));
        s = EM_STAR.matcher(s).replaceAll(m -> quote(m.group(1)));
        s = EM_UNDERSCORE.matcher(s).replaceAll(m -> quote(m.group(1)));
        s = STRIKE.matcher(s).replaceAll(m -> quote(m.group(1)));
        s = s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return s.replaceAll("\\s+", " ").strip();
    }

    /**
     * {@code s} without HTML tags: {@code <} or {@code </} and a letter, up to the next {@code >}
     * (the regex {@code </?[A-Za-z][^>]*>}), found with one forward pointer to the next {@code >}
     * instead of a scan to the end of the text from every {@code <} that has none after it.
     */
    static String withoutTags(String s) {
        StringBuilder b = null;
        int copied = 0;
        int gt = s.indexOf('>');
        for (int i = s.indexOf('<'); i >= 0 && gt >= 0; i = s.indexOf('<', i + 1)) {
            int name = i + 1 < s.length() && s.charAt(i + 1) == '/' ? i + 2 : i + 1;
            if (name >= s.length() || !isAsciiLetter(s.charAt(name))) {
                continue;
            }
            if (gt <= name) {
                gt = s.indexOf('>', name + 1);
                if (gt < 0) {
                    break;
                }
            }
            if (b == null) {
                b = new StringBuilder(s.length());
            }
            b.append(s, copied, i);
            copied = gt + 1;
            i = gt;
        }
        return b == null ? s : b.append(s, copied, s.length()).toString();
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    /** Text safe to put in a generated page: no {@code [[...]]} that could read as a wikilink. */
    public static String neutralize(String text) {
        return text.replace("[[", "[\\[").replace("]]", "]\\]");
    }

    private static String quote(String s) {
        return java.util.regex.Matcher.quoteReplacement(s);
    }
}
