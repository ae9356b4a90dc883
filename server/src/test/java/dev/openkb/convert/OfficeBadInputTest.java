package dev.openkb.convert;

import static dev.openkb.convert.ConvertFixtures.conversionFailure;
import static dev.openkb.convert.ConvertFixtures.convert;
import static dev.openkb.convert.ConvertFixtures.markdown;
import static dev.openkb.convert.ConvertFixtures.write;
import static dev.openkb.convert.ConvertFixtures.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.poi.ooxml.POIXMLDocument;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfficeBadInputTest {
    private static final String WORD_MAIN =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    @TempDir
    Path dir;

    /** A minimal .docx package, compressed hard, whose document.xml body holds {@code filler}. */
    private static byte[] docxWithBody(String filler) throws Exception {
        return zip(docxEntries(filler));
    }

    private static String[] docxEntries(String filler) {
        return new String[] {"[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                        + "content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-"
                        + "package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/word/document.xml\" ContentType=\"" + WORD_MAIN + "\"/></Types>",
                "_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/"
                        + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
                        + "officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>",
                "word/document.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
                        + "wordprocessingml/2006/main\"><w:body>" + filler
                        + "<w:p><w:r><w:t>hello</w:t></w:r></w:p></w:body></w:document>"};
    }

    private static byte[] bytes(POIXMLDocument doc) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (doc) {
            doc.write(out);
        }
        return out.toByteArray();
    }

    private static byte[] encrypt(byte[] plain) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(plain);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    @Test
    void theHandBuiltPackageIsAValidDocxWhenSmall() throws Exception {
        assertEquals("hello\n", markdown(convert(write(dir.resolve("small.docx"), docxWithBody(" ")))));
    }

    @Test
    void refusesAZipBombDisguisedAsDocx() throws Exception {
        byte[] bomb = docxWithBody(" ".repeat(5 * 1024 * 1024));
        assertTrue(bomb.length < 20 * 1024, "a few MB compress to a few KB: " + bomb.length);
        Path file = write(dir.resolve("bomb.docx"), bomb);
        String message = conversionFailure(file);
        assertTrue(message.endsWith("docx: refused as a possible zip bomb: a part inflates more than 100x its "
                + "compressed size"), message);
    }

    @Test
    void refusesAZipBombDisguisedAsXlsx() throws Exception {
        byte[] bomb = zip("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                + "content-types\"/>" + " ".repeat(5 * 1024 * 1024));
        String message = conversionFailure(write(dir.resolve("bomb.xlsx"), bomb));
        assertTrue(message.contains("xlsx: refused as a possible zip bomb"), message);
    }

    @Test
    void refusesTablesNestedDeeperThanPoiCanRead() throws Exception {
        int depth = 5000;
        String tables = "<w:tbl><w:tr><w:tc>".repeat(depth) + "<w:p/>" + "</w:tc></w:tr></w:tbl>".repeat(depth);
        Path file = write(dir.resolve("deep.docx"), ConvertFixtures.uncompressedZip(docxEntries(tables)));
        // a worker thread with a small stack, so the overflow does not depend on the JVM's default size
        AtomicReference<String> message = new AtomicReference<>();
        Thread worker = new Thread(null, () -> message.set(conversionFailure(file)), "small-stack", 512 * 1024);
        worker.start();
        worker.join();
        assertTrue(String.valueOf(message.get()).endsWith("docx: the document nests too deeply to read"),
                message.get());
    }

    @Test
    void refusesATruncatedDocx() throws Exception {
        XWPFDocument doc = new XWPFDocument();
        doc.createParagraph().createRun().setText("complete ".repeat(2000));
        byte[] whole = bytes(doc);
        String message = conversionFailure(write(dir.resolve("cut.docx"), Arrays.copyOf(whole, whole.length / 2)));
        assertTrue(message.contains("docx: corrupt or truncated file ("), message);
    }

    @Test
    void refusesATruncatedXlsxAndPptx() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        wb.createSheet("S").createRow(0).createCell(0).setCellValue("v");
        byte[] xlsx = bytes(wb);
        String x = conversionFailure(write(dir.resolve("cut.xlsx"), Arrays.copyOf(xlsx, xlsx.length - 40)));
        assertTrue(x.contains("xlsx: corrupt or truncated file ("), x);
        String p = conversionFailure(write(dir.resolve("cut.pptx"), Arrays.copyOf(xlsx, 100)));
        assertTrue(p.contains("pptx: corrupt or truncated file ("), p);
    }

    @Test
    void refusesTextRenamedDocx() throws Exception {
        String message = conversionFailure(write(dir.resolve("notes.docx"), "just some text"));
        assertTrue(message.endsWith("docx: not an Office Open XML file (no zip signature)"), message);
    }

    @Test
    void refusesALegacyWordFileRenamedDocx() throws Exception {
        ByteArrayOutputStream ole = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[512]), "WordDocument");
            fs.writeFilesystem(ole);
        }
        String message = conversionFailure(write(dir.resolve("old.docx"), ole.toByteArray()));
        assertTrue(message.endsWith("docx: an old binary Office file (.doc/.ppt) with a .docx name; save it as .docx"),
                message);
    }

    @Test
    void refusesPasswordProtectedDocxAndXlsx() throws Exception {
        XWPFDocument doc = new XWPFDocument();
        doc.createParagraph().createRun().setText("secret plans");
        String docx = conversionFailure(write(dir.resolve("locked.docx"), encrypt(bytes(doc))));
        assertTrue(docx.endsWith("docx: the file is encrypted (password-protected); remove the password and add it "
                + "again"), docx);
        XSSFWorkbook wb = new XSSFWorkbook();
        wb.createSheet("S").createRow(0).createCell(0).setCellValue("secret");
        String xlsx = conversionFailure(write(dir.resolve("locked.xlsx"), encrypt(bytes(wb))));
        assertTrue(xlsx.contains("xlsx: the file is encrypted (password-protected)"), xlsx);
    }

    @Test
    void leavesNoSourceBehindWhenAnOfficeFileFails() throws Exception {
        conversionFailure(write(dir.resolve("broken.pptx"), "not a zip"));
        assertTrue(Files.notExists(dir.resolve("staging/wiki/sources/broken.md")));
    }
}
