package dev.openkb.wiki;

/**
 * One {@code [[target#heading|alias]]} occurrence in a page.
 *
 * @param raw       the text between the brackets, as written (OpenKB's {@code m.group(1)})
 * @param target    the part before the first {@code |}, with any {@code #heading} split off, stripped
 *                  (Python {@code str.strip()}); may be empty for a same-page link {@code [[#heading]]}
 * @param alias     the stripped text after the first {@code |}, or null when there is no {@code |}
 * @param heading   the stripped text after the first {@code #} of the target part, or null when none
 * @param line      0-based line of the opening {@code [[}
 * @param startChar UTF-16 column of the opening {@code [[}
 * @param endChar   UTF-16 column just after the closing {@code ]]} (links never span lines)
 */
public record WikiLink(String raw, String target, String alias, String heading, int line, int startChar,
        int endChar) {

    /** OpenKB's link target: the part before the first {@code |}, stripped, heading included. */
    public String targetText() {
        int bar = raw.indexOf('|');
        return PyText.strip(bar < 0 ? raw : raw.substring(0, bar));
    }

    /**
     * The key a link resolves by: the target stripped of surrounding whitespace and slashes, as
     * OpenKB's {@code target.strip().strip("/")}.
     */
    public String lookupKey() {
        return PyText.strip(target, '/');
    }

    /** True for {@code [[#heading]]}: no target, a heading of the page the link is on. */
    public boolean isSelfLink() {
        return target.isEmpty() && heading != null;
    }

    /** True when an alias with visible text was given ({@code [[x|]]} has none, as OpenKB treats it). */
    public boolean hasAlias() {
        return alias != null && !alias.isEmpty();
    }

    /**
     * This link pointed at {@code newTarget}, its heading and alias kept ({@code [[old#h|Shown]]}
     * gives {@code [[new#h|Shown]]}): what a page rename writes in place of every link to the page.
     */
    public String retargeted(String newTarget) {
        return render(newTarget, heading, alias);
    }

    /** Renders a link; {@code heading} and {@code alias} are left out when null or empty. */
    public static String render(String target, String heading, String alias) {
        StringBuilder b = new StringBuilder(target.length() + 8).append("[[").append(target);
        if (heading != null && !heading.isEmpty()) {
            b.append('#').append(heading);
        }
        if (alias != null && !alias.isEmpty()) {
            b.append('|').append(alias);
        }
        return b.append("]]").toString();
    }
}
