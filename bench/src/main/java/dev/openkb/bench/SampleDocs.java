package dev.openkb.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * Writes the binary members of {@code docs/samples/} (the PNG, .docx, .pptx, .xlsx and the two
 * PDFs) from text written for this project, so the samples can be regenerated and reviewed as code.
 * Deterministic apart from the Office files' creation timestamps.
 *
 * <p>Run: {@code mvn -q -DskipTests install && mvn -q -pl bench exec:java -Dexec.mainClass=dev.openkb.bench.SampleDocs -Dexec.args=docs/samples}
 */
public final class SampleDocs {
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/samples").toAbsolutePath();
        Files.createDirectories(out.resolve("images"));
        ImageIO.write(diagram(), "png", out.resolve("images/wal-order.png").toFile());
        docx(out.resolve("recovery-checklist.docx"));
        pptx(out.resolve("crash-testing.pptx"));
        xlsx(out.resolve("fsync-latency.xlsx"));
        shortPdf(out.resolve("power-loss.pdf"));
        longPdf(out.resolve("journaling-guide.pdf"));
        System.out.println("samples written to " + out);
    }

    private static BufferedImage diagram() {
        BufferedImage img = new BufferedImage(360, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 360, 120);
        String[] steps = {"log", "fsync", "apply", "commit"};
        for (int i = 0; i < steps.length; i++) {
            g.setColor(new Color(70, 110 + i * 30, 180));
            g.fillRoundRect(10 + i * 88, 35, 76, 50, 12, 12);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(steps[i], 22 + i * 88, 65);
        }
        g.dispose();
        return img;
    }

    private static void docx(Path p) throws IOException {
        try (XWPFDocument d = new XWPFDocument(); OutputStream o = Files.newOutputStream(p)) {
            para(d, "Title", "Crash Recovery Checklist");
            para(d, null, "Use this checklist before trusting any storage engine with crash recovery. It applies to "
                    + "SQLite, PostgreSQL and any program that keeps a write-ahead log or a rollback journal.");
            para(d, "Heading1", "Before the commit point");
            for (String s : List.of("Every change is recorded in the journal before it happens.",
                    "The journal is made durable with fsync before the first visible change.",
                    "Temporary files live where crash recovery can find and remove them.")) {
                para(d, "ListBullet", s);
            }
            para(d, "Heading1", "After a crash");
            para(d, null, "Crash recovery takes an exclusive lock, rolls back every active journal newest first, "
                    + "and discards journals that already reached their commit point. A rollback that fails is retried, "
                    + "never skipped silently.");
            XWPFTable t = d.createTable(3, 2);
            String[][] rows = {{"Crash point", "Expected state"}, {"before the commit point", "as before the operation"},
                    {"after the commit point", "as after the operation"}};
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 2; c++) {
                    t.getRow(r).getCell(c).setText(rows[r][c]);
                }
            }
            d.write(o);
        }
    }

    private static void para(XWPFDocument d, String style, String text) {
        XWPFParagraph p = d.createParagraph();
        if (style != null) {
            p.setStyle(style);
        }
        p.createRun().setText(text);
    }

    private static void pptx(Path p) throws IOException {
        String[][] slides = {
                {"Crash Testing", "How trusted storage engines test crash recovery: simulate the crash, then check the invariant."},
                {"Kill the process", "Jepsen and others kill the database with kill -9 at random moments. This finds missing rollback logic but never a missing fsync, because the page cache survives."},
                {"Simulate power loss", "SQLite's crash tests drop or tear writes that were not yet synced. LazyFS does the same as a FUSE file system."},
                {"Lint the trace", "Record the system calls of one operation with strace and check that data is synced before each atomic rename and that the journal is durable first."}};
        try (XMLSlideShow show = new XMLSlideShow(); OutputStream o = Files.newOutputStream(p)) {
            for (String[] s : slides) {
                XSLFSlide slide = show.createSlide();
                XSLFTextBox title = slide.createTextBox();
                title.setAnchor(new java.awt.Rectangle(40, 30, 640, 60));
                title.setText(s[0]);
                title.getTextParagraphs().get(0).getTextRuns().get(0).setFontSize(32.0);
                title.getTextParagraphs().get(0).getTextRuns().get(0).setBold(true);
                XSLFTextBox body = slide.createTextBox();
                body.setAnchor(new java.awt.Rectangle(40, 120, 640, 300));
                body.setText(s[1]);
            }
            show.write(o);
        }
    }

    private static void xlsx(Path p) throws IOException {
        Object[][] rows = {{"Device", "Operation", "Median ms", "p90 ms"},
                {"NVMe SSD", "file fsync", 0.8, 1.4}, {"NVMe SSD", "directory fsync", 0.1, 0.3},
                {"SATA SSD", "file fsync", 2.5, 4.0}, {"Spinning disk", "file fsync", 9.0, 16.0}};
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream o = Files.newOutputStream(p)) {
            XSSFSheet s = wb.createSheet("fsync latency");
            for (int r = 0; r < rows.length; r++) {
                var row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Double dv) {
                        row.createCell(c).setCellValue(dv);
                    } else {
                        row.createCell(c).setCellValue((String) rows[r][c]);
                    }
                }
            }
            wb.write(o);
        }
    }

    private static void shortPdf(Path p) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            page(doc, "Power Loss and Durability", List.of(
                    "A power loss is harsher than a process crash. When a process dies, the operating system",
                    "still writes its page cache to disk. When the power fails, every write that was not",
                    "forced with fsync may be lost, reordered or torn.",
                    "",
                    "Crash recovery must therefore assume that only synced data survives. A write-ahead log",
                    "helps because recovery needs only the log records that reached the disk."), true);
            page(doc, "Testing for it", List.of(
                    "SQLite simulates power loss in its crash tests by keeping unsynced writes in a list and",
                    "dropping a random part of it. The H2 MVStore project does the same with a file system",
                    "that reorders writes. Both find missing fsync calls that kill -9 never finds."), false);
            doc.save(p.toFile());
        }
    }

    private static void longPdf(Path p) throws IOException {
        String[] chapters = {"Why journals exist", "Write-ahead logging", "Undo journals", "Atomic rename",
                "Directory fsync", "Crash recovery", "Locks and concurrency", "Testing crash recovery"};
        try (PDDocument doc = new PDDocument()) {
            PDDocumentOutline outline = new PDDocumentOutline();
            doc.getDocumentCatalog().setDocumentOutline(outline);
            for (int c = 0; c < chapters.length; c++) {
                for (int k = 0; k < 3; k++) {
                    String heading = k == 0 ? (c + 1) + ". " + chapters[c] : chapters[c] + " (continued)";
                    PDPage page = page(doc, heading, chapterText(chapters[c], k), false);
                    if (k == 0) {
                        PDOutlineItem item = new PDOutlineItem();
                        item.setTitle((c + 1) + ". " + chapters[c]);
                        PDPageFitDestination dest = new PDPageFitDestination();
                        dest.setPage(page);
                        item.setDestination(dest);
                        outline.addLast(item);
                    }
                }
            }
            doc.getDocumentInformation().setTitle("A Short Guide to Journaling");
            doc.save(p.toFile());
        }
    }

    private static List<String> chapterText(String chapter, int part) {
        String topic = chapter.toLowerCase(java.util.Locale.ROOT);
        return List.of(
                "This part of the guide covers " + topic + ", page " + (part + 1) + " of the chapter.",
                "Storage engines such as SQLite and PostgreSQL treat " + topic + " as part of crash recovery.",
                "A write-ahead log records intent before change; an atomic rename publishes a finished file;",
                "fsync makes both durable. Each of these steps protects the data at a different moment.",
                "",
                "When a crash happens, recovery reads the journal, rolls back work that never reached the",
                "commit point, and keeps work that did. The order of these steps matters more than their speed.",
                "Engineers at the University of Wisconsin showed that many applications get this order wrong.");
    }

    private static PDPage page(PDDocument doc, String heading, List<String> lines, boolean withImage) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.beginText();
            cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 18);
            cs.newLineAtOffset(60, 770);
            cs.showText(heading);
            cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
            cs.setLeading(16);
            cs.newLine();
            cs.newLine();
            for (String l : lines) {
                cs.showText(l);
                cs.newLine();
            }
            cs.endText();
            if (withImage) {
                PDImageXObject img = LosslessFactory.createFromImage(doc, diagram());
                cs.drawImage(img, 60, 450, 360, 120);
            }
        }
        return page;
    }
}
