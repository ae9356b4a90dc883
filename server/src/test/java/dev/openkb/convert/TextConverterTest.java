package dev.openkb.convert;

import static dev.openkb.convert.ConvertFixtures.conversionFailure;
import static dev.openkb.convert.ConvertFixtures.convert;
import static dev.openkb.convert.ConvertFixtures.markdown;
import static dev.openkb.convert.ConvertFixtures.request;
import static dev.openkb.convert.ConvertFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextConverterTest {
    @TempDir
    Path dir;

    @Test
    void keepsTheTextAndMakesEveryLineEndingANewline() throws Exception {
        Path txt = write(dir.resolve("notes.txt"), "one\r\ntwo\rthree\nfour");
        ConvertedDoc doc = convert(txt);
        assertEquals("one\ntwo\nthree\nfour", markdown(doc));
        assertEquals("notes", doc.title());
    }

    @Test
    void keepsCjkEmojiAndRightToLeftTextIntact() throws Exception {
        String text = "技术报告（最终版）\n😀 emoji 👩‍💻\nשלום עולם مرحبا\n";
        assertEquals(text, markdown(convert(write(dir.resolve("unicode.txt"), text))));
    }

    @Test
    void skipsAUtf8ByteOrderMark() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i'};
        assertEquals("hi", markdown(convert(write(dir.resolve("bom.txt"), bom))));
    }

    @Test
    void refusesABinaryFileRenamedTxt() throws Exception {
        byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3E, 0};
        String message = conversionFailure(write(dir.resolve("program.txt"), elf));
        assertTrue(message.endsWith("txt: binary content (NUL bytes in the first 8 KiB); not a text file"), message);
    }

    @Test
    void refusesAFileOfMostlyControlCharacters() throws Exception {
        byte[] noise = new byte[4096];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (i % 3 == 0 ? 'a' : 1 + i % 8);
        }
        String message = conversionFailure(write(dir.resolve("noise.txt"), noise));
        assertTrue(message.contains("txt: binary content (mostly control characters"), message);
    }

    @Test
    void refusesInvalidUtf8AndSaysWhere() throws Exception {
        byte[] latin1 = "caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1);
        String message = conversionFailure(write(dir.resolve("latin1.txt"), latin1));
        assertTrue(message.endsWith("txt: invalid UTF-8 at byte offset 3"), message);
    }

    @Test
    void findsInvalidUtf8FarIntoALargeFile() throws Exception {
        Path txt = dir.resolve("late.txt");
        byte[] line = "all good here\n".getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(txt)) {
            for (int i = 0; i < 10_000; i++) {
                out.write(line);
            }
            out.write(new byte[] {'x', (byte) 0xC3, '('});
        }
        String message = conversionFailure(txt);
        assertTrue(message.endsWith("invalid UTF-8 at byte offset " + (10_000L * line.length + 1)), message);
    }

    @Test
    void refusesATruncatedMultiByteCharacterAtTheEnd() throws Exception {
        byte[] cut = {'o', 'k', (byte) 0xE6, (byte) 0x8A};
        String message = conversionFailure(write(dir.resolve("cut.txt"), cut));
        assertTrue(message.endsWith("invalid UTF-8 at byte offset 2"), message);
    }

    @Test
    void refusesUtf16WithAClearReason() throws Exception {
        byte[] utf16 = "\uFEFFhello".getBytes(StandardCharsets.UTF_16BE);
        String message = conversionFailure(write(dir.resolve("wide.txt"), utf16));
        assertTrue(message.endsWith("txt: UTF-16 text is not supported; save the file as UTF-8"), message);
    }

    @Test
    void checksForCancellationWhileStreamingALargeFile() throws Exception {
        Path txt = dir.resolve("big.txt");
        try (BufferedWriter out = Files.newBufferedWriter(txt)) {
            for (int i = 0; i < 200_000; i++) {
                out.write("line " + i + "\n");
            }
        }
        CancelToken cancel = new CancelToken();
        cancel.cancel();
        KbException e = assertThrows(KbException.class,
                () -> new TextConverter().convert(request(txt, dir.resolve("staging"), cancel)));
        assertEquals(ErrorCode.CANCELLED, e.code());
    }
}
