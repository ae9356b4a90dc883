package dev.openkb.pageindex;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders {@code wiki/summaries/<doc>.md} for a long document exactly as OpenKB's
 * {@code tree_renderer.render_summary_md} does: JSON-quoted frontmatter, then every node as
 * {@code "#"*min(depth,6) + " <title> (pages <start>–<end>)"}, the images of pages it is the first to
 * cover, and {@code Summary: <summary>}; entries are separated by blank lines. Stateless.
 */
final class SummaryPage {
    private SummaryPage() {
    }

    static String render(String docName, DocTree tree, Map<Integer, List<String>> pageImages) {
        StringBuilder fm = new StringBuilder("---\n");
        fm.append("type: ").append(jsonQuote("Summary")).append('\n');
        if (!tree.description().isEmpty()) {
            fm.append("description: ").append(jsonQuote(tree.description())).append('\n');
        }
        fm.append("doc_type: pageindex\n");
        fm.append("full_text: ").append(jsonQuote("sources/" + docName + ".json")).append('\n');
        fm.append("---\n");
        return fm + "\n" + nodes(tree.roots(), 1, pageImages, new HashSet<>());
    }

    private static String nodes(List<TreeNode> nodes, int depth, Map<Integer, List<String>> pageImages,
                                Set<String> seen) {
        String prefix = "#".repeat(Math.min(depth, 6));
        StringBuilder out = new StringBuilder();
        for (TreeNode n : nodes) {
            part(out, prefix + " " + n.title() + " (pages " + n.startPage() + "–" + n.endPage() + ")\n");
            for (int page = n.startPage(); page <= n.endPage(); page++) {
                for (String path : pageImages.getOrDefault(page, List.of())) {
                    if (seen.add(path)) {
                        part(out, "![image](" + path + ")\n");
                    }
                }
            }
            if (!n.summary().isEmpty()) {
                part(out, "Summary: " + n.summary() + "\n");
            }
            if (!n.children().isEmpty()) {
                part(out, nodes(n.children(), depth + 1, pageImages, seen));
            }
        }
        return out.toString();
    }

    /** Python's "\n".join(parts): a newline between parts, none after the last. */
    private static void part(StringBuilder out, String part) {
        if (out.length() > 0) {
            out.append('\n');
        }
        out.append(part);
    }

    /** {@code json.dumps(s, ensure_ascii=False)}, as OpenKB writes frontmatter values. */
    static String jsonQuote(String s) {
        return dev.openkb.wiki.PyJson.dumps(s);
    }
}
