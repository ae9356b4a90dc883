package dev.openkb.add;

import dev.openkb.convert.ConvertedDoc;
import dev.openkb.kb.KbTransaction;
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

    /**
     * The per-document work that needs nothing from the KB (the compiler's analysis of the staged
     * text), run by the prepare stage on a worker thread, outside the lock, right after conversion.
     * The result is opaque to the pipeline: it travels in {@link PreparedDoc#analysis()} to
     * {@link #commit}. Null (the default) when there is none.
     */
    default Object analyze(ConvertedDoc converted) throws IOException {
        return null;
    }
}
