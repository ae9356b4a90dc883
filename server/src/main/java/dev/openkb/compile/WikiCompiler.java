package dev.openkb.compile;

import dev.openkb.kb.KbTransaction;
import dev.openkb.convert.DocKind;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Turns one published document into wiki pages: its summary, the concept and entity pages it
 * contributes to, backlinks and {@code index.md} entries. Called by the add pipeline (and recompile)
 * inside one journaled mutation, holding the KB's exclusive lock, after {@code raw/<doc>.<ext>} and
 * {@code wiki/sources/<doc>.md} (short docs) or {@code wiki/sources/<doc>.json} plus the tree
 * summary (long PDFs) are in place. Every write goes through {@code tx}; an exception means the
 * caller rolls the whole mutation back.
 */
public interface WikiCompiler {
    CompileResult compile(CompileRequest req, KbTransaction tx) throws IOException;

    /**
     * The per-document part of compiling, which needs nothing from the KB: called by the add
     * pipeline's prepare stage on a worker thread, outside the lock, with the staged source
     * ({@code sources/<doc>.md}, or {@code .json} for long PDFs); the result comes back to
     * {@link #compile} in {@link CompileRequest#analysis()}. Null (the default) when the compiler has
     * no such part; {@code compile} then works from the published source alone.
     */
    default DocAnalysis analyze(Path stagedSource, DocKind kind) throws IOException {
        return null;
    }
}
