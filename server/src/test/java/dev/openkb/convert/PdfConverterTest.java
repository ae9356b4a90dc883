package dev.openkb.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.pageindex.DocTree;
import dev.openkb.pageindex.StagedTree;
import dev.openkb.pageindex.TreeNode;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfConverterTest {
    @TempDir
    Path tmp;

    private final PdfConverter converter = new PdfConverter();

    private ConvertRequest request(Path source, String docName, int threshold) {
        return new ConvertRequest(source, docName, tmp.resolve("staging"), threshold, CancelToken.none());
    }

    private ConvertedDoc convert(Path source, int threshold) throws IOException {
        return converter.convert(request(source, "doc", threshold));
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @Test
    void shortPdfGivesMarkdownInReadingOrderPageByPage() throws IOException {
        Path pdf;
        try (PdfFixture f = new PdfFixture()) {
            PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            // Drawn bottom line first: the content stream order is not the reading order.
            f.page().lineAt(font, "Second line of page one.", 11, 72, 680)
                    .lineAt(font, "First line of page one.", 11, 72, 700);
            f.page().line("Page two starts here.", 11);
            pdf = f.save(tmp.resolve("in/Report.PDF"));
        }
        ConvertedDoc doc = convert(pdf, 20);

        assertEquals(DocKind.SHORT, doc.kind());
        assertEquals("PDF", doc.registryType());
        assertEquals(2, doc.pageCount());
        assertEquals("Report", doc.title());
        assertEquals(tmp.resolve("staging/raw/doc.pdf"), doc.stagedRaw());
        assertEquals(tmp.resolve("staging/wiki/sources/doc.md"), doc.stagedSource());
        assertEquals("First line of page one.\nSecond line of page one.\n\nPage two starts here.\n",
                read(doc.stagedSource()));
        assertTrue(Arrays.equals(Files.readAllBytes(pdf), Files.readAllBytes(doc.stagedRaw())));
    }

    @Test
    void keepsImagesOfAtLeast32PixelsAndLinksThemOnTheirPage() throws IOException {
        Path pdf;
        try (PdfFixture f = new PdfFixture()) {
            f.page().line("Text only on page one.", 11);
            f.page().line("A figure follows.", 11).rgbImage(40, 40, Color.RED).rgbImage(10, 10, Color.BLUE);
            pdf = f.save(tmp.resolve("figures.pdf"));
        }
        ConvertedDoc doc = convert(pdf, 20);

        Path png = tmp.resolve("staging/wiki/sources/images/doc/p2_img1.png");
        assertEquals(List.of(png), doc.images());
        try (Stream<Path> files = Files.list(png.getParent())) {
            assertEquals(1, files.count(), "the 10x10 image is dropped");
        }
        BufferedImage saved = ImageIO.read(png.toFile());
        assertEquals(40, saved.getWidth());
        assertEquals(Color.RED.getRGB(), saved.getRGB(20, 20));
        assertEquals("Text only on page one.\n\nA figure follows.\n\n![image](sources/images/doc/p2_img1.png)\n",
                read(doc.stagedSource()));
    }

    @Test
    void savesCmykImagesAsRgbPng() throws IOException {
        Path pdf;
        try (PdfFixture f = new PdfFixture()) {
            f.page().line("Cyan square.", 11).image(f.cmykImage(48, 48, 255, 0, 0, 0), 72, 400);
            pdf = f.save(tmp.resolve("cmyk.pdf"));
        }
        ConvertedDoc doc = convert(pdf, 20);

        BufferedImage saved = ImageIO.read(doc.images().get(0).toFile());
        Color c = new Color(saved.getRGB(24, 24));
        assertTrue(c.getBlue() > 150 && c.getGreen() > 100 && c.getRed() < 100, "cyan, got " + c);
    }

    @Test
    void sameImageObjectOnSeveralPagesIsSavedOnceAndLinkedFromEach() throws IOException {
        Path pdf;
        try (PdfFixture f = new PdfFixture()) {
            var logo = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(f.document(),
                    PdfFixture.solid(64, 64, Color.GREEN));
            f.page().line("One.", 11).image(logo, 72, 500);
            f.page().line("Two.", 11).image(logo, 72, 500);
            pdf = f.save(tmp.resolve("logo.pdf"));
        }
        ConvertedDoc doc = convert(pdf, 20);

        assertEquals(1, doc.images().size());
        assertEquals("One.\n\n![image](sources/images/doc/p1_img1.png)\n\n"
                + "Two.\n\n![image](sources/images/doc/p1_img1.png)\n", read(doc.stagedSource()));
    }

    @Test
    void extractsUnicodeTextFromAnEmbeddedFont() throws IOException {
        String text = "Grüße, Ελληνικά, Русский текст, naïve café – ½ €";
        Path pdf;
        try (PdfFixture f = new PdfFixture()) {
            PDFont font = f.unicodeFont();
            assumeTrue(font != null, "no Unicode TrueType font installed (looked in " + PdfFixture.UNICODE_FONTS + ")");
            f.page().lineWith(font, text, 12);
            pdf = f.save(tmp.resolve("unicode.pdf"));
        }
        assertEquals(text + "\n", read(convert(pdf, 20).stagedSource()));
    }

    @Test
    void longPdfWithOutlineGetsPerPageJsonAndATreeFromItsBookmarks() throws IOException {
        Path pdf = TestBooks.withOutline(tmp.resolve("book.pdf"));
        ConvertedDoc doc = convert(pdf, 20);

        assertEquals(DocKind.LONG_PDF, doc.kind());
        assertEquals("long_pdf", doc.registryType());
        assertEquals(25, doc.pageCount());
        assertEquals("A Book With Bookmarks", doc.title());
        assertEquals(tmp.resolve("staging/wiki/sources/doc.json"), doc.stagedSource());

        DocTree tree = StagedTree.readTree(tmp.resolve("staging"));
        assertEquals(25, tree.pageCount());
        assertEquals(List.of("Part One 1-10", "Part Two 11-25"), spans(tree.roots()));
        assertEquals(List.of("Chapter 1 1-5", "Chapter 2 6-10"), spans(tree.roots().get(0).children()));
        assertEquals(List.of("Chapter 3 11-17", "Chapter 4 18-25"), spans(tree.roots().get(1).children()));
        TreeNode ch2 = tree.roots().get(0).children().get(1);
        assertEquals("0002", ch2.nodeId());
        assertEquals("Chapter two explains the second idea in detail. It builds on the first chapter.",
                ch2.summary());
        assertEquals("Chapter one introduces the first idea of the book. It sets the scene for what follows.",
                tree.description());
        assertEquals(StagedTree.sha256(doc.stagedRaw()), StagedTree.readRawSha256(tmp.resolve("staging")));
    }

    @Test
    void longPdfWithoutOutlineGetsATreeFromItsHeadings() throws IOException {
        Path pdf = TestBooks.withHeadings(tmp.resolve("report.pdf"));
        ConvertedDoc doc = convert(pdf, 20);

        DocTree tree = StagedTree.readTree(tmp.resolve("staging"));
        assertEquals("Annual Results", tree.title(), "the first heading when there is no Title metadata");
        assertEquals(List.of("Annual Results 1-1", "1 Introduction 2-9", "2 Methods 10-17", "3 Findings 18-25"),
                spans(tree.roots()));
        assertEquals(List.of("1.1 Background 2-5", "1.2 Scope 6-9"), spans(tree.roots().get(1).children()));
        assertEquals("The introduction describes why this report exists. Readers learn the goals here.",
                tree.roots().get(1).summary());
        assertEquals("Background covers the history of the project. It started many years ago.",
                tree.roots().get(1).children().get(0).summary());
        assertEquals(doc.title(), tree.title());
    }

    @Test
    void perPageJsonIsLaidOutLikePythonAndDropsEmptyPages() throws IOException {
        Path pdf;
        try (PdfFixture f = new PdfFixture()) {
            f.page().line("Hello \"world\".", 11);
            f.page().rgbImage(40, 40, Color.BLACK);
            f.blankPage();
            pdf = f.save(tmp.resolve("pages.pdf"));
        }
        ConvertedDoc doc = convert(pdf, 2);

        assertEquals("""
                [
                  {
                    "page": 1,
                    "content": "Hello \\"world\\".",
                    "images": []
                  },
                  {
                    "page": 2,
                    "content": "\\n![image](sources/images/doc/p2_img1.png)\\n",
                    "images": [
                      {
                        "path": "sources/images/doc/p2_img1.png"
                      }
                    ]
                  }
                ]""", read(doc.stagedSource()));
    }

    @Test
    void longPdfPagesCarryTheCleanedTextAsShortPdfMarkdownDoes() throws IOException {
        Path pdf;
        try (PdfFixture f = new PdfFixture()) {
            List<String> subjects = List.of("The first run", "A second trial", "Our third test", "The last batch");
            List<String> objects = List.of("keeps its weights", "drops a gradient", "holds the bias", "sheds old state");
            for (int n = 1; n <= 4; n++) {
                f.page().line("Journal of Durable Storage, Vol. 7", 9)
                        .line(subjects.get(n - 1) + " shows how the convolu-", 11)
                        .line("tional layer " + objects.get(n - 1) + ".", 11)
                        .line(String.valueOf(n), 9);
            }
            pdf = f.save(tmp.resolve("journal.pdf"));
        }
        ConvertedDoc doc = convert(pdf, 2);

        assertEquals(DocKind.LONG_PDF, doc.kind());
        String json = read(doc.stagedSource());
        assertEquals(1, json.split("Journal of Durable Storage", -1).length - 1,
                "the running header is furniture after the first page, whose top is the title's: " + json);
        assertTrue(json.contains("\"content\": \"A second trial shows how the convolutional\\nlayer drops a gradient.\""),
                "hyphenation joined, page number gone: " + json);
    }

    @Test
    void pdfNeedingAPasswordFailsAsEncrypted() throws IOException {
        Path pdf;
        try (PdfFixture f = new PdfFixture()) {
            f.page().line("Secret.", 11);
            pdf = f.encrypt("owner-pw", "user-pw").save(tmp.resolve("secret.pdf"));
        }
        assertConversionFails(pdf, "pdf: encrypted, a password is needed to open it");
    }

    @Test
    void pdfWithOnlyAnOwnerPasswordStillConverts() throws IOException {
        Path pdf;
        try (PdfFixture f = new PdfFixture()) {
            f.page().line("Readable by anyone.", 11);
            pdf = f.encrypt("owner-pw", "").save(tmp.resolve("owner.pdf"));
        }
        assertEquals("Readable by anyone.\n", read(convert(pdf, 20).stagedSource()));
    }

    @Test
    void fileThatIsNotAPdfFails() throws IOException {
        Path notPdf = Files.writeString(tmp.resolve("notes.pdf"), "just some text, not a PDF\n");
        assertConversionFails(notPdf, "pdf: not a PDF file (no %PDF- header)");
    }

    @Test
    void truncatedPdfFails() throws IOException {
        Path pdf = TestBooks.withOutline(tmp.resolve("whole.pdf"));
        byte[] bytes = Files.readAllBytes(pdf);
        Path cut = Files.write(tmp.resolve("cut.pdf"), Arrays.copyOf(bytes, bytes.length / 2));
        assertConversionFails(cut, "pdf: truncated file (no %%EOF end marker)");
    }

    @Test
    void corruptPdfFails() throws IOException {
        Path bad = Files.writeString(tmp.resolve("corrupt.pdf"),
                "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ngarbage ][ <<>> stream\n"
                        + "trailer << /Root 1 0 R >>\n%%EOF\n", StandardCharsets.ISO_8859_1);
        KbException e = assertThrows(KbException.class, () -> convert(bad, 20));
        assertEquals(ErrorCode.CONVERSION_FAILED, e.code());
        assertEquals(bad, e.path());
        assertTrue(e.getMessage().contains(": pdf: "), e.getMessage());
    }

    @Test
    void pdfWithNoPagesFails() throws IOException {
        Path pdf;
        try (PdfFixture f = new PdfFixture()) {
            pdf = f.save(tmp.resolve("empty.pdf"));
        }
        assertConversionFails(pdf, "pdf: the document has no pages");
    }

    @Test
    void cancelledConversionStopsWithCancelled() throws IOException {
        Path pdf = TestBooks.withOutline(tmp.resolve("book.pdf"));
        CancelToken token = new CancelToken();
        token.cancel();
        KbException e = assertThrows(KbException.class,
                () -> converter.convert(new ConvertRequest(pdf, "doc", tmp.resolve("staging"), 20, token)));
        assertEquals(ErrorCode.CANCELLED, e.code());
    }

    private void assertConversionFails(Path pdf, String reason) {
        KbException e = assertThrows(KbException.class, () -> convert(pdf, 20));
        assertEquals(ErrorCode.CONVERSION_FAILED, e.code());
        assertEquals(pdf, e.path());
        assertTrue(e.getMessage().endsWith(reason), e.getMessage());
    }

    private static List<String> spans(List<TreeNode> nodes) {
        return nodes.stream().map(n -> n.title() + " " + n.startPage() + "-" + n.endPage()).toList();
    }
}
