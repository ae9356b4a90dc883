package dev.openkb.convert;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.DefaultResourceCache;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Opens a PDF in bounded memory and turns every way it can be unreadable into one
 * {@code CONVERSION_FAILED} error naming the user's file. The file is read through a buffered
 * random-access window and parsed streams are cached in temp files, so a 200 MB PDF is never held in
 * memory; decoded images are not cached between pages either (fonts and colour spaces are).
 * Stateless.
 */
final class PdfOpener {
    private static final int HEAD = 1024;
    /** Some writers append padding after %%EOF; pdfbox itself looks this far back for it. */
    private static final int TAIL = 4096;

    private PdfOpener() {
    }

    /**
     * @param file   the file to parse (the staged raw copy)
     * @param source the user's file, named in errors
     */
    static PDDocument open(Path file, Path source) throws IOException {
        checkEnvelope(file, source);
        PDDocument doc;
        try {
            doc = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()), "", null, null,
                    IOUtils.createTempFileOnlyStreamCache());
        } catch (InvalidPasswordException e) {
            throw failed(source, "encrypted, a password is needed to open it", e);
        } catch (IOException | RuntimeException e) {
            throw corrupt(source, e);
        }
        doc.setResourceCache(new NoImageCache());
        return doc;
    }

    /** The error for a PDF that pdfbox could not parse, with pdfbox's own words for why. */
    static KbException corrupt(Path source, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return failed(source, "corrupt or unreadable (" + why + ")", e);
    }

    static KbException failed(Path source, String cause, Throwable e) {
        return new KbException(ErrorCode.CONVERSION_FAILED, source, "pdf: " + cause, e);
    }

    /**
     * A PDF starts with "%PDF-" (within the first KiB, as readers allow) and ends with "%%EOF" (within
     * the last KiB). pdfbox would silently rebuild a file cut short; a book that lost its end is treated
     * as a failed copy or download instead, so the user re-fetches it rather than indexing half of it.
     */
    private static void checkEnvelope(Path file, Path source) throws IOException {
        long size = Files.size(file);
        byte[] head = new byte[(int) Math.min(HEAD, size)];
        try (InputStream in = Files.newInputStream(file)) {
            in.readNBytes(head, 0, head.length);
        }
        if (!new String(head, StandardCharsets.ISO_8859_1).contains("%PDF-")) {
            throw failed(source, "not a PDF file (no %PDF- header)", null);
        }
        ByteBuffer tail = ByteBuffer.allocate((int) Math.min(TAIL, size));
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            ch.position(size - tail.capacity());
            while (tail.hasRemaining() && ch.read(tail) >= 0) {
                // read the whole tail window
            }
        }
        if (!new String(tail.array(), StandardCharsets.ISO_8859_1).contains("%%EOF")) {
            throw failed(source, "truncated file (no %%EOF end marker)", null);
        }
    }

    /**
     * pdfbox's default cache keeps image XObjects (and their decoded pixels) softly reachable for the
     * whole document, which lets the heap fill with images of pages long done. Each image is decoded
     * once here, so images are left out of the cache; fonts, colour spaces and forms stay in it.
     */
    private static final class NoImageCache extends DefaultResourceCache {
        @Override
        public void put(COSObject indirect, PDXObject xobject) {
            if (!(xobject instanceof PDImageXObject)) {
                super.put(indirect, xobject);
            }
        }
    }
}
