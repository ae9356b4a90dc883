package dev.openkb.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.poi.ooxml.POIXMLDocument;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/** Small builders for conversion inputs, made in the test's temp folder; no binary fixtures. */
final class ConvertFixtures {
    /** The dispatcher as the lead wires it, with a stand-in PDF converter that must not be reached. */
    static final Converters CONVERTERS = new Converters(r -> {
        throw new AssertionError("the PDF converter was called for " + r.source());
    });

    private ConvertFixtures() {
    }

    static ConvertRequest request(Path source, Path staging) {
        return request(source, staging, CancelToken.none());
    }

    static ConvertRequest request(Path source, Path staging, CancelToken cancel) {
        String doc = StagedFiles.stem(source).replaceAll("[^\\w-]+", "-");
        return new ConvertRequest(source, doc, staging, 20, cancel);
    }

    /** Converts through the dispatcher into {@code dir/staging}. */
    static ConvertedDoc convert(Path source) throws IOException {
        return CONVERTERS.convert(request(source, source.getParent().resolve("staging")));
    }

    static String markdown(ConvertedDoc doc) throws IOException {
        return Files.readString(doc.stagedSource(), StandardCharsets.UTF_8);
    }

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, bytes);
    }

    static Path save(POIXMLDocument doc, Path file) throws IOException {
        try (doc; OutputStream out = Files.newOutputStream(file)) {
            doc.write(out);
        }
        return file;
    }

    /** Asserts that converting the file fails that file with CONVERSION_FAILED; returns the message. */
    static String conversionFailure(Path source) {
        KbException e = assertThrows(KbException.class, () -> convert(source));
        assertEquals(ErrorCode.CONVERSION_FAILED, e.code(), e.getMessage());
        assertEquals(source, e.path());
        return e.getMessage();
    }

    /** A real PNG of the given size and colour. */
    static byte[] png(int size, int rgb) throws IOException {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < size; x++) {
            for (int y = 0; y < size; y++) {
                img.setRGB(x, y, rgb);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** A zip holding the given entries (name, content) compressed as hard as Deflater can. */
    static byte[] zip(String... namesAndContents) throws IOException {
        return zip(Deflater.BEST_COMPRESSION, namesAndContents);
    }

    /** A zip whose entries are deflated without compression, so no zip-bomb check can trip. */
    static byte[] uncompressedZip(String... namesAndContents) throws IOException {
        return zip(Deflater.NO_COMPRESSION, namesAndContents);
    }

    private static byte[] zip(int level, String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(level);
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A new Word list whose levels are numbered with {@code numFmt} ("bullet", "decimal"); its numId. */
    static BigInteger wordList(XWPFDocument doc, String numFmt) {
        XWPFNumbering numbering = doc.getNumbering() != null ? doc.getNumbering() : doc.createNumbering();
        CTAbstractNum abs = CTAbstractNum.Factory.newInstance();
        abs.setAbstractNumId(BigInteger.valueOf(numFmt.hashCode() & 0xFFFF));
        for (int l = 0; l < 3; l++) {
            CTLvl lvl = abs.addNewLvl();
            lvl.setIlvl(BigInteger.valueOf(l));
            lvl.addNewNumFmt().setVal(STNumberFormat.Enum.forString(numFmt));
            lvl.addNewLvlText().setVal(numFmt.equals("bullet") ? "\u2022" : "%" + (l + 1) + ".");
        }
        return numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(abs, numbering)));
    }

    /** Makes {@code p} an item of the list {@code numId} at {@code level}. */
    static void listItem(XWPFParagraph p, BigInteger numId, int level) {
        p.setNumID(numId);
        p.setNumILvl(BigInteger.valueOf(level));
    }
}
