package dev.openkb.convert;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceCMYK;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;

/**
 * Builds test PDFs with pdfbox, so no binary fixture is ever checked in. Lines are laid out top down;
 * {@link Page#lineAt} places one anywhere (to test reading order). Confined to one test thread.
 */
public final class PdfFixture implements AutoCloseable {
    /** A bookmark: title, 1-based page, children. */
    public record Mark(String title, int page, List<Mark> children) {
        public Mark(String title, int page, Mark... children) {
            this(title, page, List.of(children));
        }
    }

    private final PDDocument doc = new PDDocument();
    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final List<Page> pages = new ArrayList<>();
    private final List<Mark> marks = new ArrayList<>();
    private StandardProtectionPolicy protection;

    /** Candidate system fonts with wide Unicode coverage, in preference order. */
    public static final List<Path> UNICODE_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/TTF/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"));

    /** One page being written. */
    public final class Page {
        private final PDPageContentStream cs;
        private float y = 760;

        private Page(PDPageContentStream cs) {
            this.cs = cs;
        }

        public Page line(String text, float size) throws IOException {
            return lineWith(regular, text, size);
        }

        public Page bold(String text, float size) throws IOException {
            return lineWith(bold, text, size);
        }

        public Page lineWith(PDFont font, String text, float size) throws IOException {
            y -= size * 1.6f;
            return lineAt(font, text, size, 72, y);
        }

        /** Body text of several lines of 11 pt. */
        public Page paragraph(String... lines) throws IOException {
            for (String l : lines) {
                line(l, 11);
            }
            return this;
        }

        public Page lineAt(PDFont font, String text, float size, float x, float atY) throws IOException {
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, atY);
            cs.showText(text);
            cs.endText();
            return this;
        }

        public Page image(PDImageXObject image, float x, float atY) throws IOException {
            cs.drawImage(image, x, atY, image.getWidth(), image.getHeight());
            return this;
        }

        public Page rgbImage(int width, int height, Color color) throws IOException {
            y -= height + 10;
            return image(LosslessFactory.createFromImage(doc, solid(width, height, color)), 72, y);
        }
    }

    public PDDocument document() {
        return doc;
    }

    public Page page() throws IOException {
        PDPage p = new PDPage(PDRectangle.LETTER);
        doc.addPage(p);
        Page page = new Page(new PDPageContentStream(doc, p));
        pages.add(page);
        return page;
    }

    /** An empty page (no content stream at all). */
    public PdfFixture blankPage() {
        doc.addPage(new PDPage(PDRectangle.LETTER));
        return this;
    }

    public PDFont unicodeFont() throws IOException {
        for (Path p : UNICODE_FONTS) {
            if (Files.isRegularFile(p)) {
                return PDType0Font.load(doc, p.toFile());
            }
        }
        return null;
    }

    /** An uncompressed DeviceCMYK image of one colour, so decoding must convert it to RGB. */
    public PDImageXObject cmykImage(int width, int height, int c, int m, int yellow, int k) throws IOException {
        byte[] data = new byte[width * height * 4];
        for (int i = 0; i < data.length; i += 4) {
            data[i] = (byte) c;
            data[i + 1] = (byte) m;
            data[i + 2] = (byte) yellow;
            data[i + 3] = (byte) k;
        }
        return new PDImageXObject(doc, new ByteArrayInputStream(data), null, width, height, 8,
                PDDeviceCMYK.INSTANCE);
    }

    public PdfFixture title(String title) {
        doc.getDocumentInformation().setTitle(title);
        return this;
    }

    public PdfFixture outline(Mark... roots) {
        marks.addAll(List.of(roots));
        return this;
    }

    /** Encrypts with these passwords; an empty user password opens without one. */
    public PdfFixture encrypt(String owner, String user) {
        protection = new StandardProtectionPolicy(owner, user, new AccessPermission());
        protection.setEncryptionKeyLength(128);
        return this;
    }

    public Path save(Path file) throws IOException {
        for (Page p : pages) {
            p.cs.close();
        }
        pages.clear();
        if (!marks.isEmpty()) {
            PDDocumentOutline outline = new PDDocumentOutline();
            doc.getDocumentCatalog().setDocumentOutline(outline);
            addMarks(outline, marks);
        }
        if (protection != null) {
            doc.protect(protection);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        doc.save(file.toFile());
        return file;
    }

    private void addMarks(PDOutlineNode parent, List<Mark> list) {
        for (Mark m : list) {
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle(m.title());
            PDPageFitDestination dest = new PDPageFitDestination();
            dest.setPage(doc.getPage(m.page() - 1));
            item.setDestination(dest);
            parent.addLast(item);
            addMarks(item, m.children());
        }
    }

    public static BufferedImage solid(int width, int height, Color color) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int yy = 0; yy < height; yy++) {
                img.setRGB(x, yy, color.getRGB());
            }
        }
        return img;
    }

    @Override
    public void close() throws IOException {
        doc.close();
    }
}
