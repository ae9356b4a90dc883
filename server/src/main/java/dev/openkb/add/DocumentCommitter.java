package dev.openkb.add;

import dev.openkb.journal.KbTransaction;
import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The KB-specific middle of a commit, between publishing the staged files and writing the registry:
 * the long-document index (when the document is long) and the compiler. Runs inside the commit's
 * transaction, holding the exclusive lock; must change the KB only through {@code tx}.
 */
@FunctionalInterface
public interface DocumentCommitter {
    /**
     * Returns extra registry fields for this document (e.g. {@code doc_id} of a long PDF).
     * {@code stage} reports sub-stages ("index", "compile") for progress.
     */
    Map<String, Object> commit(PreparedDoc doc, KbTransaction tx, Consumer<String> stage) throws IOException;
}
