package dev.openkb.convert;

import dev.openkb.engine.CancelToken;
import dev.openkb.pageindex.TextLine;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDInlineImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * One pass over a PDF that hands each page to a {@link PageHandler} as soon as it is done: its text
 * in reading order (sorted by position), the same text as lines with font size and weight (for
 * heading detection), and the images drawn on it (XObjects, also inside forms, and inline images).
 * Only one page is held at a time. Checks for cancellation before each page.
 *
 * <p>Threading: an instance is used by one converter thread for one document.
 */
final class PdfPageStripper extends PDFTextStripper {
    /**
     * Receives the pages that have content, in order. Its I/O errors (writing staging) leave
     * {@link #run} as {@link OutputFailure}, so they are never mistaken for pdfbox's parse errors.
     */
    interface PageHandler {
        void page(int pageNo, String text, List<TextLine> lines, List<PDImage> images) throws IOException;
    }

    /** An I/O error of the {@link PageHandler}, carried through pdfbox's page loop. */
    static final class OutputFailure extends UncheckedIOException {
        OutputFailure(IOException cause) {
            super(cause);
        }
    }

    private final CancelToken cancel;
    private final PageHandler handler;
    private final StringWriter pageText = new StringWriter();
    private final List<TextLine> lines = new ArrayList<>();
    private final List<PDImage> images = new ArrayList<>();
    private final Set<COSBase> imagesOnPage = Collections.newSetFromMap(new IdentityHashMap<>());
    private final StringBuilder line = new StringBuilder();
    private double lineSizeSum;
    private int lineChars;
    private int lineBoldChars;

    PdfPageStripper(CancelToken cancel, PageHandler handler) {
        this.cancel = cancel;
        this.handler = handler;
        setSortByPosition(true);
        setLineSeparator("\n");
        setPageEnd("");
    }

    /** Runs the pass; the text goes to the handler, not to a writer of the caller's. */
    void run(PDDocument doc) throws IOException {
        writeText(doc, pageText);
    }

    @Override
    protected void startPage(PDPage page) throws IOException {
        cancel.throwIfCancelled();
        pageText.getBuffer().setLength(0);
        lines.clear();
        images.clear();
        imagesOnPage.clear();
        resetLine();
    }

    @Override
    protected void endPage(PDPage page) throws IOException {
        endLine();
        try {
            handler.page(getCurrentPageNo(), TextCleaner.clean(pageText.toString()).strip(), List.copyOf(lines),
                    List.copyOf(images));
        } catch (IOException e) {
            throw new OutputFailure(e);
        }
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) throws IOException {
        super.writeString(text, positions);
        line.append(text);
        for (TextPosition p : positions) {
            lineSizeSum += p.getFontSizeInPt();
            lineChars++;
            if (isBold(p.getFont())) {
                lineBoldChars++;
            }
        }
    }

    @Override
    protected void writeWordSeparator() throws IOException {
        super.writeWordSeparator();
        line.append(' ');
    }

    @Override
    protected void writeLineSeparator() throws IOException {
        super.writeLineSeparator();
        endLine();
    }

    @Override
    protected void writeParagraphEnd() throws IOException {
        super.writeParagraphEnd();
        endLine();
    }

    /** Notes the images a page draws while the text engine walks its content stream. */
    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        String name = operator.getName();
        if ("Do".equals(name) && !operands.isEmpty() && operands.get(0) instanceof COSName xobjectName) {
            noteXObjectImage(xobjectName);
        } else if ("BI".equals(name)) {
            noteInlineImage(operator);
        }
        super.processOperator(operator, operands);
    }

    private void noteXObjectImage(COSName xobjectName) {
        PDResources resources = getResources();
        try {
            if (resources != null && resources.isImageXObject(xobjectName)) {
                PDXObject x = resources.getXObject(xobjectName);
                if (x instanceof PDImageXObject image && imagesOnPage.add(image.getCOSObject())) {
                    images.add(image);
                }
            }
        } catch (IOException | RuntimeException e) {
            // A broken image loses that image only, as in OpenKB (it logs and skips the block).
        }
    }

    private void noteInlineImage(Operator operator) {
        try {
            if (operator.getImageParameters() != null && operator.getImageData() != null) {
                images.add(new PDInlineImage(operator.getImageParameters(), operator.getImageData(), getResources()));
            }
        } catch (IOException | RuntimeException e) {
            // as above: skip the unreadable inline image
        }
    }

    private void endLine() {
        String text = TextCleaner.clean(line.toString()).strip();
        if (!text.isEmpty() && lineChars > 0) {
            lines.add(new TextLine(text, (float) (lineSizeSum / lineChars), lineBoldChars * 2 > lineChars));
        }
        resetLine();
    }

    private void resetLine() {
        line.setLength(0);
        lineSizeSum = 0;
        lineChars = 0;
        lineBoldChars = 0;
    }

    private static boolean isBold(PDFont font) {
        if (font == null) {
            return false;
        }
        PDFontDescriptor d = font.getFontDescriptor();
        if (d != null && (d.isForceBold() || d.getFontWeight() >= 600)) {
            return true;
        }
        String name = font.getName();
        return name != null && name.toLowerCase(Locale.ROOT).contains("bold");
    }
}
