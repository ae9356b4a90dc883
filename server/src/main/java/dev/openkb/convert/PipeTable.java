package dev.openkb.convert;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a GFM pipe table row by row, so a million-row CSV never sits in memory. The first row is
 * the header (GFM has no headerless tables); every row is padded to the column count, since GFM
 * drops cells beyond the header's count. Cell text is escaped so it cannot break the table:
 * pipes become \|, line breaks become &lt;br&gt;. One instance per table, confined to its thread.
 */
final class PipeTable {
    private static final Pattern LINE_BREAKS = Pattern.compile("\r\n|\r|\n");

    private final LineSink out;
    private final int columns;
    private boolean headerWritten;

    /** @param columns the widest row's cell count (at least 1) */
    PipeTable(LineSink out, int columns) {
        this.out = out;
        this.columns = Math.max(1, columns);
    }

    /** Writes all rows at once: the table is already in memory (a docx, slide or HTML table). */
    static void write(LineSink out, List<List<String>> rows) throws IOException {
        int width = 0;
        for (List<String> row : rows) {
            width = Math.max(width, row.size());
        }
        if (width == 0) {
            return;
        }
        PipeTable table = new PipeTable(out, width);
        for (List<String> row : rows) {
            table.row(row);
        }
    }

    void row(List<String> cells) throws IOException {
        List<String> padded = new ArrayList<>(columns);
        for (int i = 0; i < columns; i++) {
            padded.add(i < cells.size() ? cell(cells.get(i)) : "");
        }
        out.line(render(padded));
        if (!headerWritten) {
            headerWritten = true;
            out.line(render(java.util.Collections.nCopies(columns, "---")));
        }
    }

    /** One cell's text made safe for a pipe table. */
    static String cell(String text) {
        if (text == null) {
            return "";
        }
        String escaped = text.strip().replace("|", "\\|");
        return LINE_BREAKS.matcher(escaped).replaceAll("<br>");
    }

    private static String render(List<String> cells) {
        StringBuilder sb = new StringBuilder("|");
        for (String c : cells) {
            sb.append(c.isEmpty() ? " " : " " + c + " ").append('|');
        }
        return sb.toString();
    }
}
