package dev.openkb.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.pageindex.TextLine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfPageStripperTest {
    @TempDir
    Path tmp;

    @Test
    void cancellingStopsBeforeTheNextPage() throws IOException {
        Path pdf = TestBooks.withOutline(tmp.resolve("book.pdf"));
        CancelToken token = new CancelToken();
        List<Integer> seen = new ArrayList<>();
        try (PDDocument doc = PdfOpener.open(pdf, pdf)) {
            PdfPageStripper stripper = new PdfPageStripper(token, (page, text, lines, images) -> {
                seen.add(page);
                token.cancel();
            });
            KbException e = assertThrows(KbException.class, () -> stripper.run(doc));
            assertEquals(ErrorCode.CANCELLED, e.code());
        }
        assertEquals(List.of(1), seen);
    }

    @Test
    void reportsLinesWithFontSizeAndWeight() throws IOException {
        Path pdf;
        try (PdfFixture f = new PdfFixture()) {
            f.page().bold("Big Bold Heading", 20).line("Plain body line.", 10);
            pdf = f.save(tmp.resolve("lines.pdf"));
        }
        List<TextLine> got = new ArrayList<>();
        try (PDDocument doc = PdfOpener.open(pdf, pdf)) {
            new PdfPageStripper(CancelToken.none(), (page, text, lines, images) -> got.addAll(lines)).run(doc);
        }
        assertEquals(2, got.size());
        assertEquals("Big Bold Heading", got.get(0).text());
        assertTrue(got.get(0).bold());
        assertEquals(20f, got.get(0).fontSize(), 0.01f);
        assertEquals(new TextLine("Plain body line.", 10f, false), got.get(1));
    }

    @Test
    void handlerOutputErrorsComeOutAsOutputFailureNotAsParseErrors() throws IOException {
        Path pdf = TestBooks.withOutline(tmp.resolve("book.pdf"));
        try (PDDocument doc = PdfOpener.open(pdf, pdf)) {
            PdfPageStripper stripper = new PdfPageStripper(CancelToken.none(), (page, text, lines, images) -> {
                throw new IOException("disk full");
            });
            PdfPageStripper.OutputFailure e =
                    assertThrows(PdfPageStripper.OutputFailure.class, () -> stripper.run(doc));
            assertEquals("disk full", e.getCause().getMessage());
        }
    }
}
