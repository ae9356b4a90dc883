package dev.openkb.convert;

import dev.openkb.pageindex.TextLine;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/**
 * Writes a short PDF's {@code sources/<doc>.md}: each page's text in reading order, cleaned as a
 * whole document ({@link PdfTextCleanup}: running headers, footers and page numbers out, broken
 * words joined, abstract, sections and references as headings), then the links of the images on
 * that page, pages separated by a blank line. Images are saved as their page is read; the text of
 * the pages is held until the end, since a running header is only known as such once it has
 * recurred (a short PDF has fewer pages than {@code pageindex_threshold}, so this is small).
 *
 * <p>Threading: one instance per document, driven by that document's converter thread.
 */
final class PdfMarkdownOutput implements PdfPageStripper.PageHandler, AutoCloseable {
    private final ConvertRequest request;
    private final PdfImageSaver images;
    private final Writer md;
    private final List<String> texts = new ArrayList<>();
    private final List<List<String>> imageNames = new ArrayList<>();

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
        texts.add(text);
        imageNames.add(names);
    }

    @Override
    public void close() throws IOException {
        try (md) {
            List<String> cleaned = PdfTextCleanup.pages(texts);
            boolean wroteAny = false;
            for (int i = 0; i < cleaned.size(); i++) {
                String text = cleaned.get(i);
                List<String> names = imageNames.get(i);
                if (text.isEmpty() && names.isEmpty()) {
                    continue;
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
            if (wroteAny) {
                md.write("\n");
            }
        }
    }
}
