package dev.openkb.add;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipFile;

/**
 * What a downloaded body is, as a file extension a converter reads: from its first bytes (a PDF,
 * a ZIP-based Office file, an OLE2 file, HTML markup) before the server's Content-Type, which
 * servers often get wrong ({@code application/octet-stream} for a PDF), and the URL's own
 * extension only where bytes and header cannot tell (Markdown and CSV are text). Anything else is
 * refused with {@code UNSUPPORTED_TYPE} naming what the server said it was. Stateless.
 */
final class DownloadType {
    static final String SUPPORTED = "PDF, HTML, Markdown, text, CSV, Word (.docx), PowerPoint (.pptx), Excel (.xlsx, .xls)";

    private DownloadType() {
    }

    /**
     * @param file        the downloaded body
     * @param head        its first bytes (up to 8 KiB)
     * @param contentType the Content-Type header without parameters, lower-cased, or ""
     * @param url         the URL it came from (after redirects)
     * @return the extension with its dot (".pdf")
     */
    static String of(Path file, byte[] head, String contentType, URI url) throws IOException {
        String urlExt = urlExtension(url);
        if (startsWith(head, "%PDF-")) {
            return ".pdf";
        }
        if (startsWith(head, "PK\u0003\u0004")) {
            return officeZip(file, url);
        }
        if (head.length >= 8 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF && (head[2] & 0xff) == 0x11
                && (head[3] & 0xff) == 0xE0) {
            if (urlExt.equals(".xls") || contentType.equals("application/vnd.ms-excel")) {
                return ".xls";
            }
            throw refused(url, contentType.isEmpty() ? "an old (OLE2) Office file that is not an Excel workbook" : contentType);
        }
        if (isBinary(head)) {
            throw refused(url, contentType.isEmpty() ? "binary data" : contentType);
        }
        String text = new String(head, StandardCharsets.ISO_8859_1).stripLeading().toLowerCase(Locale.ROOT);
        if (contentType.equals("text/html") || contentType.equals("application/xhtml+xml")
                || text.startsWith("<!doctype html") || text.startsWith("<html")) {
            return ".html";
        }
        if (contentType.equals("text/markdown") || contentType.equals("text/x-markdown")
                || ((contentType.isEmpty() || contentType.equals("text/plain")) && (urlExt.equals(".md") || urlExt.equals(".markdown")))) {
            return ".md";
        }
        if (contentType.equals("text/csv") || (contentType.equals("text/plain") || contentType.isEmpty()) && urlExt.equals(".csv")) {
            return ".csv";
        }
        if (contentType.equals("text/plain") || contentType.isEmpty()) {
            return ".txt";
        }
        throw refused(url, contentType);
    }

    /** A ZIP is an Office file by the part its format requires, never by its name. */
    private static String officeZip(Path file, URI url) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("word/document.xml") != null) {
                return ".docx";
            }
            if (zip.getEntry("ppt/presentation.xml") != null) {
                return ".pptx";
            }
            if (zip.getEntry("xl/workbook.xml") != null) {
                return ".xlsx";
            }
        } catch (java.util.zip.ZipException bad) {
            throw refused(url, "a damaged ZIP archive");
        }
        throw refused(url, "a ZIP archive that is not a Word, PowerPoint or Excel file");
    }

    private static KbException refused(URI url, String what) {
        return new KbException(ErrorCode.UNSUPPORTED_TYPE, null, url + ": unsupported type (" + what + "); supported: " + SUPPORTED);
    }

    static String urlExtension(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        return dot <= 0 ? "" : last.substring(dot).toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] head, String magic) {
        if (head.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (head[i] != (byte) magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A NUL in the first bytes: no text format the converters read has one (UTF-16 is not accepted). */
    private static boolean isBinary(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }
}
