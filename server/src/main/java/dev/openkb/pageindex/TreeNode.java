package dev.openkb.pageindex;

import java.util.List;

/**
 * One section of a long document. Pages are 1-based and inclusive; a section that starts on the same
 * page as its next sibling ends on that page. Immutable.
 *
 * @param nodeId    a pre-order number, zero-padded to four digits ("0000", "0001"...), as PageIndex does
 * @param summary   the first one or two real sentences of the section's text (at most 300 chars), or ""
 * @param children  sub-sections, in document order
 */
public record TreeNode(String nodeId, String title, int startPage, int endPage, String summary,
                       List<TreeNode> children) {
    public TreeNode {
        children = List.copyOf(children);
    }
}
