package dev.openkb.convert;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * .csv → one GFM pipe table, the first record as its header. Two streaming passes: the first finds
 * the widest record (GFM drops cells past the header's count, so the table must be that wide from
 * its first line) and validates the whole file before anything is written; the second writes rows
 * as they are read. Memory stays at one record whatever the file size. Stateless.
 */
final class CsvConverter implements DocumentConverter {
    private static final int RECORDS_PER_CHECK = 4096;

    @Override
    public ConvertedDoc convert(ConvertRequest r) throws IOException {
        int width = 0;
        try (CsvReader csv = new CsvReader(TextInput.open(r.source()), r.source())) {
            long n = 0;
            for (List<String> record; (record = csv.next()) != null; ) {
                if (++n % RECORDS_PER_CHECK == 0) {
                    r.cancel().throwIfCancelled();
                }
                if (!CsvReader.isBlank(record)) {
                    width = Math.max(width, record.size());
                }
            }
        }
        try (CsvReader csv = new CsvReader(TextInput.open(r.source()), r.source());
             Writer out = StagedFiles.openSourceMd(r)) {
            PipeTable table = new PipeTable(new MarkdownBlocks(out), width);
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
}
