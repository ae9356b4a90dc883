package dev.openkb.compile;

import dev.openkb.journal.KbTransaction;
import java.io.IOException;

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
}
