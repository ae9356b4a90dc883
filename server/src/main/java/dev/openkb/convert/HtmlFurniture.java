package dev.openkb.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Drops what a page carries around its text rather than in it, judged by the markup's shape, never
 * by words (manuals are written in every language):
 * <ul>
 * <li><b>permalink marks</b>: a link whose visible text is one or two symbols with no letter or
 *     digit (Sphinx's and Texinfo's ¶, GitHub's #, §): a handle to copy a URL, not text;</li>
 * <li><b>navigation at the edges</b>: the blocks before the first and after the last block of real
 *     text that are mostly link text ("Next: X, Previous: Y, Up: Z [Index]", a list of links to
 *     sub-pages, "Back to top"), and rules and empty blocks between them and the text. Link lists
 *     in the middle of the text stay: there they are part of what the author wrote. A page that is
 *     nothing but links (an index page) is kept whole, so the document does not become empty.</li>
 * </ul>
 * Stateless; works on the tree in place before it is rendered.
 */
final class HtmlFurniture {
    /** Elements that group blocks: looked into, never judged as one unit. */
    private static final Set<String> CONTAINERS = Set.of("div", "section", "article", "main", "header", "footer",
            "body", "center", "hgroup");
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "header", "footer",
            "ul", "ol", "dl", "table", "pre", "blockquote", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "figure",
            "address", "details", "center", "hgroup", "form", "fieldset");
    /**
     * Share of a block's letters inside links that makes it navigation: with two links or more
     * (Texinfo's "Next: X, Previous: Y, Up: Z [Index]" is 0.74); with one, nearly all ("Back to top").
     */
    private static final double LINK_DENSITY = 0.6;
    private static final double SINGLE_LINK_DENSITY = 0.8;

    private HtmlFurniture() {
    }

    static void strip(List<Element> roots) {
        for (Element root : roots) {
            removePermalinks(root);
            List<Element> units = new ArrayList<>();
            collectUnits(root, units);
            int first = 0;
            while (first < units.size() && isFurniture(units.get(first))) {
                first++;
            }
            if (first == units.size()) {
                continue; // nothing but links: an index page, kept whole
            }
            int last = units.size() - 1;
            while (last > first && isFurniture(units.get(last))) {
                last--;
            }
            for (int i = 0; i < units.size(); i++) {
                if (i < first || i > last) {
                    units.get(i).remove();
                }
            }
        }
    }

    private static void removePermalinks(Element root) {
        for (Element a : root.select("a[href]")) {
            String text = a.text().strip();
            if (!text.isEmpty() && text.codePointCount(0, text.length()) <= 2
                    && text.codePoints().noneMatch(Character::isLetterOrDigit) && a.select("img").isEmpty()) {
                a.remove();
            }
        }
    }

    /** The blocks of {@code el} in document order, looking into containers that hold blocks. */
    private static void collectUnits(Element el, List<Element> units) {
        for (Element child : el.children()) {
            if (!BLOCKS.contains(child.normalName())) {
                if (hasText(child)) {
                    return; // inline content directly in a container: the container is one unit
                }
                continue;
            }
            if (CONTAINERS.contains(child.normalName()) && holdsBlocks(child)) {
                collectUnits(child, units);
            } else {
                units.add(child);
            }
        }
    }

    private static boolean holdsBlocks(Element el) {
        boolean blocks = false;
        for (Node n : el.childNodes()) {
            if (n instanceof TextNode t && !t.isBlank()) {
                return false; // loose text beside blocks: judge the container whole
            }
            if (n instanceof Element e) {
                if (!BLOCKS.contains(e.normalName()) && hasText(e)) {
                    return false;
                }
                blocks |= BLOCKS.contains(e.normalName());
            }
        }
        return blocks;
    }

    private static boolean hasText(Element el) {
        return !el.text().isBlank();
    }

    /** A rule, an empty block, or a block whose text is mostly links. Headings are never furniture. */
    private static boolean isFurniture(Element unit) {
        String name = unit.normalName();
        if (name.length() == 2 && name.charAt(0) == 'h' && Character.isDigit(name.charAt(1))) {
            return false;
        }
        if (name.equals("hr")) {
            return true;
        }
        if (!unit.select("img, pre, table").isEmpty() && !name.equals("ul") && !name.equals("ol")) {
            return false;
        }
        int text = visible(unit.text());
        if (text == 0) {
            return unit.select("img").isEmpty();
        }
        int linked = 0;
        int links = 0;
        for (Element a : unit.select("a[href]")) {
            if (!a.attr("href").strip().regionMatches(true, 0, "javascript:", 0, 11)) {
                linked += visible(a.text());
                links++;
            }
        }
        return links > 0 && linked >= text * (links == 1 ? SINGLE_LINK_DENSITY : LINK_DENSITY);
    }

    /** Characters that are neither space nor punctuation: "Next: X, Up: Y" counts X and Y mostly. */
    private static int visible(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
