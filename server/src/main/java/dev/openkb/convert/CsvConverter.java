package dev.openkb.convert;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * .csv → a sentence saying what the table holds ({@link TableSummary}: rows, columns, sample rows
 * when long), then one GFM pipe table, the first record as its header. Two streaming passes: the first finds
 * the widest record (GFM drops cells past the header's count, so the table must be that wide from
 * its first line) and validates the whole file before anything is written; the second writes rows
 * as they are read. Memory stays at one record whatever the file size. Stateless.
 */
final class CsvConverter implements DocumentConverter {
    private static final int RECORDS_PER_CHECK = 4096;

    @Override
    public ConvertedDoc convert(ConvertRequest r) throws IOException {
        int width = 0;
        long rows = 0;
        List<String> header = null;
        List<List<String>> samples = new java.util.ArrayList<>();
        List<String> last = null;
        try (CsvReader csv = new CsvReader(TextInput.open(r.source()), r.source())) {
            long n = 0;
            for (List<String> record; (record = csv.next()) != null; ) {
                if (++n % RECORDS_PER_CHECK == 0) {
                    r.cancel().throwIfCancelled();
                }
                if (!CsvReader.isBlank(record)) {
                    width = Math.max(width, record.size());
                    if (header == null) {
                        header = record;
                    } else {
                        rows++;
                        if (samples.size() < 2) {
                            samples.add(record);
                        } else {
                            last = record;
                        }
                    }
                }
            }
        }
        if (last != null) {
            samples.add(last);
        }
        try (CsvReader csv = new CsvReader(TextInput.open(r.source()), r.source());
             Writer out = StagedFiles.openSourceMd(r)) {
            MarkdownBlocks blocks = new MarkdownBlocks(out);
            if (header != null) {
                TableSummary.write(blocks, "table", pad(header, width), rows, samples);
                blocks.endBlock();
            }
            PipeTable table = new PipeTable(blocks, width);
            long n = 0;
            for (List<String> record; (record = csv.next()) != null; ) {
                if (++n % RECORDS_PER_CHECK == 0) {
                    r.cancel().throwIfCancelled();
                }
                if (!CsvReader.isBlank(record)) {
                    table.row(record);
                }
            }
        }
        return ShortDocs.result(r, null, List.of(), 0);
    }

    private static List<String> pad(List<String> header, int width) {
        List<String> out = new java.util.ArrayList<>(header);
        while (out.size() < width) {
            out.add("");
        }
        return out;
    }
}
