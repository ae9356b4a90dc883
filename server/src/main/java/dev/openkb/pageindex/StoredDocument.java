package dev.openkb.pageindex;

/** One row of {@code pageindex.db}'s {@code documents} table. */
public record StoredDocument(String docId, String docName, String title, String description, int pageCount,
                             String rawSha256) {
}
