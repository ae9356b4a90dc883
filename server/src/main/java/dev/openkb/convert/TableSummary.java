package dev.openkb.convert;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a table holds, written above it: its size and its columns in one sentence, and, for a table
 * too long to read whole, a few representative rows (the first two and the last) as a small table.
 * A reader of the source, or a summary made from its lead, learns what the table is about without
 * taking its rows for statements about the things they name. Stateless.
 */
final class TableSummary {
    /** Tables with more data rows than this get sample rows. */
    static final int SAMPLE_ABOVE = 10;

    private TableSummary() {
    }

    /**
     * @param what     "table" or "sheet"
     * @param header   the first row (the column names)
     * @param dataRows rows after the header
     * @param samples  up to three data rows to show (used only above {@link #SAMPLE_ABOVE} rows)
     */
    static void write(MarkdownBlocks out, String what, List<String> header, long dataRows, List<List<String>> samples)
            throws IOException {
        List<String> names = new ArrayList<>();
        for (String h : header) {
            String n = h == null ? "" : h.replaceAll("\\s+", " ").strip();
            if (!n.isEmpty()) {
                names.add(n);
            }
        }
        String size = String.format(Locale.ROOT, "%,d %s", dataRows, dataRows == 1 ? "row" : "rows");
        String columns = header.size() + (header.size() == 1 ? " column" : " columns");
        out.block("A " + what + " of " + size + " and " + columns + (names.isEmpty() ? "." : ": " + String.join(", ", names) + "."));
        if (dataRows > SAMPLE_ABOVE && !samples.isEmpty()) {
            out.block("Sample rows:");
            List<List<String>> rows = new ArrayList<>();
            rows.add(header);
            rows.addAll(samples);
            out.table(rows);
        }
    }
}
