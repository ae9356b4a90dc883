package dev.openkb.pageindex;

/**
 * What indexing one long document produced: the id it is stored under in {@code pageindex.db} (and in
 * the registry's {@code doc_id}), the document description (for {@code index.md}) and the tree.
 */
public record IndexResult(String docId, String description, DocTree tree) {
}
