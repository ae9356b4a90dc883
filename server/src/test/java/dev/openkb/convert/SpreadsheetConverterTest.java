package dev.openkb.convert;

import static dev.openkb.convert.ConvertFixtures.convert;
import static dev.openkb.convert.ConvertFixtures.markdown;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpreadsheetConverterTest {
    @TempDir
    Path dir;

    /** A budget sheet with a number format, a formula and a pipe, plus an empty sheet. */
    private static Workbook budget(Workbook wb) {
        Sheet sheet = wb.createSheet("Budget 2026");
        Row header = sheet.createRow(0);
        header.createCell(0).setCellValue("Item");
        header.createCell(1).setCellValue("Cost");
        Row rent = sheet.createRow(1);
        rent.createCell(0).setCellValue("Rent | office");
        rent.createCell(1).setCellValue(1200.5);
        CellStyle money = wb.createCellStyle();
        money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
        rent.getCell(1).setCellStyle(money);
        // row 2 left blank on purpose
        Row total = sheet.createRow(3);
        total.createCell(0).setCellValue("Total");
        total.createCell(1).setCellFormula("B2*2");
        total.createCell(2).setCellValue("技术 😀");
        wb.createSheet("Empty");
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        return wb;
    }

    private Path save(Workbook wb, String name) throws Exception {
        Path file = dir.resolve(name);
        try (wb; OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        return file;
    }

    private static final String BUDGET_MD = "## Budget 2026\n\nA sheet of 2 rows and 3 columns: Item, Cost.\n\n| Item | Cost | |\n| --- | --- | --- |\n"
            + "| Rent \\| office | 1,200.50 | |\n| Total | 2401 | 技术 😀 |\n\n## Empty\n";

    @Test
    void writesEachXlsxSheetAsATableWithFormattedValuesAndCachedFormulas() throws Exception {
        ConvertedDoc doc = convert(save(budget(new XSSFWorkbook()), "budget.xlsx"));
        assertEquals(BUDGET_MD, markdown(doc));
        assertEquals("Budget 2026", doc.title());
        assertEquals("xlsx", doc.registryType());
    }

    @Test
    void readsLegacyXlsTheSameWay() throws Exception {
        ConvertedDoc doc = convert(save(budget(new HSSFWorkbook()), "BUDGET.XLS"));
        assertEquals(BUDGET_MD, markdown(doc));
        assertEquals("XLS", doc.registryType());
    }

    @Test
    void prefersTheTitlePropertyAndSkipsDefaultSheetNames() throws Exception {
        XSSFWorkbook titled = new XSSFWorkbook();
        titled.createSheet("Data").createRow(0).createCell(0).setCellValue("x");
        titled.getProperties().getCoreProperties().setTitle("Sales report");
        assertEquals("Sales report", convert(save(titled, "a.xlsx")).title());
        XSSFWorkbook plain = new XSSFWorkbook();
        plain.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("x");
        assertEquals("numbers", convert(save(plain, "numbers.xlsx")).title());
    }

    @Test
    void startsTheTableAtTheFirstUsedColumn() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet sheet = wb.createSheet("Offset");
        sheet.createRow(4).createCell(3).setCellValue("h1");
        sheet.getRow(4).createCell(4).setCellValue("h2");
        sheet.createRow(5).createCell(4).setCellValue("v2");
        assertEquals("## Offset\n\nA sheet of 1 row and 2 columns: h1, h2.\n\n| h1 | h2 |\n| --- | --- |\n| | v2 |\n", markdown(convert(save(wb, "offset.xlsx"))));
    }
}
