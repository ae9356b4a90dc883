package dev.openkb.convert;

import dev.openkb.pageindex.PageText;
import dev.openkb.pageindex.PagesJsonWriter;
import dev.openkb.pageindex.TextLine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/**
 * Writes a long PDF's per-page JSON and keeps each page's text lines for the tree builder (text only:
 * the PDF itself, images included, is never held). Each page's content is cleaned as the short-PDF
 * markdown is ({@link PdfTextCleanup}: running headers, footers and page numbers out, words broken
 * across lines joined, abstract, sections and references as headings), so every reader of the JSON
 * (the compiler, query, OpenKB) sees the document's text rather than its page furniture. A running
 * header is only known once it has recurred, so the pages' texts are held until {@link #close} writes
 * the JSON: a few megabytes for a thousand-page book, less than the text lines already held for the tree.
 *
 * <p>Threading: one instance per document, driven by that document's converter thread.
 */
final class PdfPagesOutput implements PdfPageStripper.PageHandler, AutoCloseable {
    private final ConvertRequest request;
    private final PdfImageSaver images;
    private final PagesJsonWriter json;
    private final List<PageText> texts = new ArrayList<>();
    private final List<Integer> pageNumbers = new ArrayList<>();
    private final List<String> pageTexts = new ArrayList<>();
    private final List<List<String>> pageLinks = new ArrayList<>();

    PdfPagesOutput(ConvertRequest request, PdfImageSaver images) throws IOException {
        this.request = request;
        this.images = images;
        this.json = new PagesJsonWriter(StagedFiles.sourceJson(request));
    }

    @Override
    public void page(int pageNo, String text, List<TextLine> lines, List<PDImage> pageImages) throws IOException {
        List<String> links = new ArrayList<>();
        for (String name : images.save(pageNo, pageImages)) {
            links.add(StagedFiles.imageLink(request, name));
        }
        pageNumbers.add(pageNo);
        pageTexts.add(text);
        pageLinks.add(links);
        if (!lines.isEmpty()) {
            texts.add(new PageText(pageNo, lines));
        }
    }

    /** The text lines of every page that had any, in page order. */
    List<PageText> texts() {
        return texts;
    }

    @Override
    public void close() throws IOException {
        try (json) {
            List<String> cleaned = PdfTextCleanup.pages(pageTexts);
            for (int i = 0; i < cleaned.size(); i++) {
                json.page(pageNumbers.get(i), content(cleaned.get(i), pageLinks.get(i)), pageLinks.get(i));
            }
        }
    }

    /**
     * The page's JSON content as OpenKB builds it: its blocks joined by newlines, each image block
     * written as {@code "\n![image](path)\n"}.
     */
    static String content(String text, List<String> links) {
        List<String> parts = new ArrayList<>();
        if (!text.isEmpty()) {
            parts.add(text);
        }
        for (String link : links) {
            parts.add("\n![image](" + link + ")\n");
        }
        return String.join("\n", parts);
    }
}
