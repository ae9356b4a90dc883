package dev.openkb.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The hostile inputs of layer 7, generated on the spot (nothing binary is checked in): corrupt,
 * encrypted and truncated PDFs, a zip bomb named .docx, an empty file, invalid UTF-8, HTML nested
 * 10,000 deep, and names with a newline, a right-to-left override, NFD accents and dots. Each maps
 * a label to the file it wrote. Stateless.
 */
final class HostileFiles {
    private HostileFiles() {
    }

    static Map<String, Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Path> out = new LinkedHashMap<>();
        byte[] pdf = pdf(null);
        Random rnd = new Random(7);
        byte[] garbage = new byte[4096];
        rnd.nextBytes(garbage);
        out.put("corrupt PDF", bytes(dir, "corrupt.pdf", concat("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), garbage)));
        out.put("encrypted PDF", bytes(dir, "encrypted.pdf", pdf("user-secret")));
        out.put("truncated PDF", bytes(dir, "truncated.pdf", Arrays.copyOf(pdf, pdf.length / 2)));
        out.put("zip bomb as .docx", zipBomb(dir.resolve("bomb.docx")));
        out.put("0-byte file", bytes(dir, "empty.md", new byte[0]));
        out.put("invalid UTF-8", bytes(dir, "invalid-utf8.txt",
                concat("starts fine, then ".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE})));
        out.put("HTML nested 10,000 deep", text(dir, "nested.html",
                "<html><body>" + "<div>".repeat(10_000) + "deep text" + "</div>".repeat(10_000) + "</body></html>"));
        out.put("name with a newline", text(dir, "new\nline.md", "# Newline\n\nA name with a line break.\n"));
        out.put("name with a right-to-left override", text(dir, "report\u202Edm.txt.md", "# RTL\n\nA name that reads backwards.\n"));
        out.put("NFD name", text(dir, "cafe\u0301.md", "# Café\n\nA decomposed accent in the name.\n"));
        out.put("name of dots", text(dir, "..md", "# Dots\n\nA name that is almost a parent folder.\n"));
        out.put("name with .. inside", text(dir, "x..y.md", "# Dots inside\n\nTwo dots inside the name.\n"));
        return out;
    }

    private static byte[] pdf(String userPassword) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText("Hostile input: a small PDF about crash recovery.");
                cs.endText();
            }
            if (userPassword != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** An OOXML-shaped zip whose document part inflates 64 MiB of zeros from a few dozen KB. */
    private static Path zipBomb(Path file) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                    + ".wordprocessingml.document.main+xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            writeZeros(zip, 64L * 1024 * 1024);
            zip.closeEntry();
        }
        return file;
    }

    private static void writeZeros(OutputStream out, long n) throws IOException {
        byte[] block = new byte[1 << 20];
        for (long done = 0; done < n; done += block.length) {
            out.write(block);
        }
    }

    private static Path bytes(Path dir, String name, byte[] b) throws IOException {
        return Files.write(dir.resolve(name), b);
    }

    private static Path text(Path dir, String name, String s) throws IOException {
        return Files.writeString(dir.resolve(name), s, StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
