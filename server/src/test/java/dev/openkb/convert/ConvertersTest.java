package dev.openkb.convert;

import static dev.openkb.convert.ConvertFixtures.convert;
import static dev.openkb.convert.ConvertFixtures.markdown;
import static dev.openkb.convert.ConvertFixtures.request;
import static dev.openkb.convert.ConvertFixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertersTest {
    @TempDir
    Path dir;

    @Test
    void refusesUnsupportedTypeWithOpenKbsMessageAndStagesNothing() throws Exception {
        Path exe = write(dir.resolve("setup.exe"), "MZ");
        Path staging = dir.resolve("staging");
        KbException e = assertThrows(KbException.class,
                () -> ConvertFixtures.CONVERTERS.convert(request(exe, staging)));
        assertEquals(ErrorCode.UNSUPPORTED_TYPE, e.code());
        assertEquals(exe, e.path());
        assertTrue(e.getMessage().endsWith("Unsupported file type: .exe. Supported: .csv, .docx, .htm, .html, "
                + ".markdown, .md, .pdf, .pptx, .txt, .xls, .xlsx"), e.getMessage());
        assertFalse(Files.exists(staging));
    }

    @Test
    void copiesTheOriginalToRawWithTheExtensionLowerCased() throws Exception {
        Path txt = write(dir.resolve("Notes.TXT"), "hello\n");
        ConvertedDoc doc = convert(txt);
        assertEquals(dir.resolve("staging/raw/Notes.txt"), doc.stagedRaw());
        assertArrayEquals(Files.readAllBytes(txt), Files.readAllBytes(doc.stagedRaw()));
        assertEquals(dir.resolve("staging/wiki/sources/Notes.md"), doc.stagedSource());
        assertEquals("TXT", doc.registryType());
        assertEquals(DocKind.SHORT, doc.kind());
        assertEquals("Notes", doc.title());
    }

    @Test
    void dispatchesUpperCaseOfficeExtensions() throws Exception {
        XWPFDocument word = new XWPFDocument();
        word.createParagraph().createRun().setText("Quarterly numbers");
        Path docx = ConvertFixtures.save(word, dir.resolve("REPORT.DOCX"));
        ConvertedDoc doc = convert(docx);
        assertEquals("DOCX", doc.registryType());
        assertEquals(dir.resolve("staging/raw/REPORT.docx"), doc.stagedRaw());
        assertEquals("Quarterly numbers\n", markdown(doc));
    }

    @Test
    void handsPdfsToThePdfConverterAfterCopyingTheRawFile() throws Exception {
        Path pdf = write(dir.resolve("paper.PDF"), "%PDF-1.7 stand-in");
        AtomicReference<ConvertRequest> seen = new AtomicReference<>();
        ConvertedDoc expected = new ConvertedDoc("paper", "PDF", DocKind.LONG_PDF, dir.resolve("staging/raw/paper.pdf"),
                dir.resolve("staging/wiki/sources/paper.json"), List.of(), 40, "Paper");
        Converters converters = new Converters(r -> {
            seen.set(r);
            assertTrue(Files.exists(StagedFiles.rawPath(r)), "raw copy made before the PDF converter runs");
            return expected;
        });
        ConvertRequest request = request(pdf, dir.resolve("staging"));
        assertSame(expected, converters.convert(request));
        assertSame(request, seen.get());
    }

    @Test
    void turnsALibrarysUncheckedExceptionIntoConversionFailedForThatFile() {
        Path pdf = dir.resolve("broken.pdf");
        Converters converters = new Converters(r -> {
            throw new IllegalStateException("xref table damaged");
        });
        KbException e = assertThrows(KbException.class, () -> {
            write(pdf, "%PDF");
            converters.convert(request(pdf, dir.resolve("staging")));
        });
        assertEquals(ErrorCode.CONVERSION_FAILED, e.code());
        assertEquals(pdf, e.path());
        assertTrue(e.getMessage().endsWith("pdf: xref table damaged"), e.getMessage());
        assertTrue(e.getCause() instanceof IllegalStateException);
    }

    @Test
    void refusesAnEmptyFileOfAnyType() throws Exception {
        for (String name : new String[] {"empty.txt", "empty.md", "empty.docx", "empty.csv", "empty.html"}) {
            Path file = write(dir.resolve(name), new byte[0]);
            String message = ConvertFixtures.conversionFailure(file);
            assertTrue(message.contains("empty file (0 bytes)"), message);
        }
    }

    @Test
    void stopsBeforeCopyingWhenAlreadyCancelled() throws Exception {
        Path txt = write(dir.resolve("a.txt"), "text");
        CancelToken cancel = new CancelToken();
        cancel.cancel();
        KbException e = assertThrows(KbException.class,
                () -> ConvertFixtures.CONVERTERS.convert(request(txt, dir.resolve("staging"), cancel)));
        assertEquals(ErrorCode.CANCELLED, e.code());
        assertFalse(Files.exists(dir.resolve("staging")));
    }
}
