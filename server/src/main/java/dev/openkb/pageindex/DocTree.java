package dev.openkb.pageindex;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The table of contents of one long document, built locally without an LLM: the local stand-in for a
 * PageIndex tree. Immutable.
 *
 * @param title       the document's title (PDF metadata, first heading, or the file stem)
 * @param description the first sentences of the document, under 200 characters
 * @param pageCount   pages in the PDF
 * @param roots       the top-level sections, in document order
 */
public record DocTree(String title, String description, int pageCount, List<TreeNode> roots) {
    public DocTree {
        roots = List.copyOf(roots);
    }

    /** Every node, parents before their children (pre-order), as the summary page renders them. */
    public List<TreeNode> preorder() {
        List<TreeNode> out = new ArrayList<>();
        Deque<TreeNode> stack = new ArrayDeque<>();
        for (int i = roots.size() - 1; i >= 0; i--) {
            stack.push(roots.get(i));
        }
        while (!stack.isEmpty()) {
            TreeNode n = stack.pop();
            out.add(n);
            for (int i = n.children().size() - 1; i >= 0; i--) {
                stack.push(n.children().get(i));
            }
        }
        return out;
    }
}
