package dev.openkb.convert;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Streams markdown to the staged source as blocks separated by one blank line, with lines inside a
 * block (list items, table rows) kept together. Never writes a leading or doubled blank line.
 * Confined to the converting thread.
 */
final class MarkdownBlocks implements LineSink {
    private final Writer out;
    private boolean started;
    private boolean blockEnded;

    MarkdownBlocks(Writer out) {
        this.out = out;
    }

    /** One line inside the current block; the first after {@link #endBlock()} gets a blank line first. */
    @Override
    public void line(String markdown) throws IOException {
        if (started && blockEnded) {
            out.write('\n');
        }
        out.write(markdown);
        out.write('\n');
        started = true;
        blockEnded = false;
    }

    /** The next line starts a new block. */
    void endBlock() {
        blockEnded = true;
    }

    /** A whole block: a paragraph, a picture, a notes section. */
    void block(String markdown) throws IOException {
        endBlock();
        line(markdown);
        endBlock();
    }

    /** A table already in memory, as its own block. */
    void table(List<List<String>> rows) throws IOException {
        endBlock();
        PipeTable.write(this, rows);
        endBlock();
    }

    /** A heading on one line: "#" × level, then the text with its whitespace collapsed. */
    void heading(int level, String text) throws IOException {
        block("#".repeat(Math.max(1, Math.min(6, level))) + " " + text.replaceAll("\\s+", " ").strip());
    }
}
