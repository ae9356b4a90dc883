package dev.openkb.convert;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ooxml.POIXMLDocument;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * .xlsx/.xls → one "## sheet" section per sheet, each a sentence saying what it holds
 * ({@link TableSummary}) and a pipe table of the cells as Excel shows
 * them (POI's DataFormatter with US formats, so output does not depend on the machine's locale),
 * formulas as their cached results (never re-evaluated: the file's own answer is the one its
 * author saw). Blank rows are skipped and the table spans the sheet's used columns. Stateless.
 */
final class SpreadsheetConverter implements DocumentConverter {
    private static final int ROWS_PER_CHECK = 1024;

    @Override
    public ConvertedDoc convert(ConvertRequest r) throws IOException {
        DataFormatter formatter = new DataFormatter(Locale.US);
        formatter.setUseCachedValuesForFormulaCells(true);
        try (Workbook wb = OfficeFiles.openWorkbook(r.source()); Writer w = StagedFiles.openSourceMd(r)) {
            MarkdownBlocks out = new MarkdownBlocks(w);
            for (Sheet sheet : wb) {
                r.cancel().throwIfCancelled();
                out.heading(2, sheet.getSheetName());
                sheet(sheet, formatter, out, r);
            }
            return ShortDocs.result(r, title(wb), List.of(), 0);
        }
    }

    private static void sheet(Sheet sheet, DataFormatter formatter, MarkdownBlocks out, ConvertRequest r)
            throws IOException {
        int first = Integer.MAX_VALUE;
        int end = -1;
        for (Row row : sheet) {
            if (row.getFirstCellNum() >= 0) {
                first = Math.min(first, row.getFirstCellNum());
                end = Math.max(end, row.getLastCellNum());
            }
        }
        if (end <= first) {
            return;
        }
        summarize(sheet, formatter, out, first, end);
        out.endBlock();
        PipeTable table = new PipeTable(out, end - first);
        int n = 0;
        for (Row row : sheet) {
            if (++n % ROWS_PER_CHECK == 0) {
                r.cancel().throwIfCancelled();
            }
            List<String> cells = new ArrayList<>(end - first);
            boolean blank = true;
            for (int c = first; c < end; c++) {
                Cell cell = row.getCell(c);
                String value = cell == null ? "" : formatter.formatCellValue(cell);
                blank &= value.isBlank();
                cells.add(value);
            }
            if (!blank) {
                table.row(cells);
            }
        }
        out.endBlock();
    }

    /** What the sheet holds (rows, columns, a few rows), before its table; a pass over rows, not cells. */
    private static void summarize(Sheet sheet, DataFormatter formatter, MarkdownBlocks out, int first, int end)
            throws IOException {
        List<String> header = null;
        List<List<String>> samples = new ArrayList<>();
        List<String> last = null;
        long rows = 0;
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>(end - first);
            boolean blank = true;
            for (int c = first; c < end; c++) {
                Cell cell = row.getCell(c);
                String value = cell == null ? "" : formatter.formatCellValue(cell);
                blank &= value.isBlank();
                cells.add(value);
            }
            if (blank) {
                continue;
            }
            if (header == null) {
                header = cells;
            } else {
                rows++;
                if (samples.size() < 2) {
                    samples.add(cells);
                } else {
                    last = cells;
                }
            }
        }
        if (header == null) {
            return;
        }
        if (last != null) {
            samples.add(last);
        }
        TableSummary.write(out, "sheet", header, rows, samples);
    }

    /** The document title property, else the first sheet's name unless it is a default "Sheet1". */
    private static String title(Workbook wb) {
        String title = null;
        if (wb instanceof POIXMLDocument x) {
            title = x.getProperties().getCoreProperties().getTitle();
        } else if (wb instanceof HSSFWorkbook h && h.getSummaryInformation() != null) {
            title = h.getSummaryInformation().getTitle();
        }
        if ((title == null || title.isBlank()) && wb.getNumberOfSheets() > 0) {
            String name = wb.getSheetName(0);
            title = name.matches("(?i)sheet\\d*") ? null : name;
        }
        return title;
    }
}
