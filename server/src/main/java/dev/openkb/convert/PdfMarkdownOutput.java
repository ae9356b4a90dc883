package dev.openkb.convert;

import dev.openkb.pageindex.TextLine;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/**
 * Writes a short PDF's {@code sources/<doc>.md}: each page's text in reading order, then the links of
 * the images on that page, pages separated by a blank line.
 *
 * <p>Threading: one instance per document, driven by that document's converter thread.
 */
final class PdfMarkdownOutput implements PdfPageStripper.PageHandler, AutoCloseable {
    private final ConvertRequest request;
    private final PdfImageSaver images;
    private final Writer md;
    private boolean wroteAny;

    PdfMarkdownOutput(ConvertRequest request, PdfImageSaver images) throws IOException {
        this.request = request;
        this.images = images;
        this.md = StagedFiles.openSourceMd(request);
    }

    @Override
    public void page(int pageNo, String text, List<TextLine> lines, List<PDImage> pageImages) throws IOException {
        List<String> names = images.save(pageNo, pageImages);
        if (text.isEmpty() && names.isEmpty()) {
            return;
        }
        if (wroteAny) {
            md.write("\n\n");
        }
        wroteAny = true;
        String separator = text.isEmpty() ? "" : "\n\n";
        md.write(text);
        for (String name : names) {
            md.write(separator + "![image](" + StagedFiles.imageLink(request, name) + ")");
            separator = "\n\n";
        }
    }

    @Override
    public void close() throws IOException {
        try (md) {
            if (wroteAny) {
                md.write("\n");
            }
        }
    }
}
