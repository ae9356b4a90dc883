package dev.openkb.compile;

import java.util.regex.Pattern;

/**
 * Inline markdown to plain text: images dropped, links and wikilinks reduced to their text, code,
 * emphasis, footnote marks and HTML tags removed, common entities decoded, whitespace collapsed.
 * Stateless.
 */
final class Inline {
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\([^)]*\\)");
    private static final Pattern WIKILINK = Pattern.compile("\\[\\[([^\\]|]*)(?:\\|([^\\]]*))?]]");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern REF_LINK = Pattern.compile("\\[([^\\]]+)]\\[[^\\]]*]");
    private static final Pattern FOOTNOTE = Pattern.compile("\\[\\^[^\\]]*]");
    private static final Pattern AUTOLINK = Pattern.compile("<(?:https?|mailto):[^>]*>");
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][^>]*>");
    private static final Pattern CODE = Pattern.compile("`+([^`]*)`+");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(.+?)\\1");
    private static final Pattern EM_STAR = Pattern.compile("(?<![\\w*])\\*(?!\\s)(.+?)(?<!\\s)\\*(?![\\w*])");
    private static final Pattern EM_UNDERSCORE = Pattern.compile("(?<![\\w_])_(?!\\s)(.+?)(?<!\\s)_(?![\\w_])");
    private static final Pattern STRIKE = Pattern.compile("~~(.+?)~~");

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
        s = TAG.matcher(s).replaceAll("");
        s = CODE.matcher(s).replaceAll(m -> quote(m.group(1)));
        s = STRONG.matcher(s).replaceAll(m -> quote(m.group(2)));
        s = EM_STAR.matcher(s).replaceAll(m -> quote(m.group(1)));
        s = EM_UNDERSCORE.matcher(s).replaceAll(m -> quote(m.group(1)));
        s = STRIKE.matcher(s).replaceAll(m -> quote(m.group(1)));
        s = s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return s.replaceAll("\\s+", " ").strip();
    }

    /** Text safe to put in a generated page: no {@code [[...]]} that could read as a wikilink. */
    static String neutralize(String text) {
        return text.replace("[[", "[\\[").replace("]]", "]\\]");
    }

    private static String quote(String s) {
        return java.util.regex.Matcher.quoteReplacement(s);
    }
}
