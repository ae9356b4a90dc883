package dev.openkb.convert;

import dev.openkb.engine.KbException;
import dev.openkb.pageindex.DocTree;
import dev.openkb.pageindex.OutlineEntry;
import dev.openkb.pageindex.PageText;
import dev.openkb.pageindex.PdfOutline;
import dev.openkb.pageindex.StagedTree;
import dev.openkb.pageindex.TreeBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * Converts a PDF (reference 4.4). Fewer pages than the threshold: a short document, its text in
 * reading order page by page into {@code sources/<doc>.md} with its images linked where their page
 * is. Otherwise a long document: the per-page JSON {@code sources/<doc>.json}, plus the tree index
 * and raw-file digest staged for {@link dev.openkb.pageindex.LongDocIndexer} at commit time.
 *
 * <p>The raw copy is made first and parsed (never the user's file, which may change meanwhile); output
 * is streamed page by page. Every way a PDF can be unreadable fails that file with
 * {@code CONVERSION_FAILED} and a reason starting "pdf: ". Stateless and thread-safe.
 */
public final class PdfConverter implements DocumentConverter {
    public static final String LONG_PDF_TYPE = "long_pdf";

    @Override
    public ConvertedDoc convert(ConvertRequest request) throws IOException {
        // The dispatcher (Converters) has usually staged the raw copy already; copy only when called alone.
        Path staged = StagedFiles.rawPath(request);
        Path raw = java.nio.file.Files.isRegularFile(staged) ? staged : StagedFiles.copyRaw(request);
        request.cancel().throwIfCancelled();
        try (PDDocument doc = PdfOpener.open(raw, request.source())) {
            int pages = parse(request, doc::getNumberOfPages);
            if (pages == 0) {
                throw PdfOpener.failed(request.source(), "the document has no pages", null);
            }
            return pages < request.pageindexThreshold()
                    ? convertShort(request, doc, raw, pages)
                    : convertLong(request, doc, raw, pages);
        }
    }

    private ConvertedDoc convertShort(ConvertRequest request, PDDocument doc, Path raw, int pages) throws IOException {
        PdfImageSaver images = new PdfImageSaver(StagedFiles.imagesDir(request));
        try (PdfMarkdownOutput md = new PdfMarkdownOutput(request, images)) {
            parse(request, () -> new PdfPageStripper(request.cancel(), md).run(doc));
        }
        String title = parse(request, () -> metadataTitle(doc));
        String suffix = StagedFiles.extension(request.source());
        return new ConvertedDoc(request.docName(), suffix.isEmpty() ? "pdf" : suffix.substring(1), DocKind.SHORT, raw,
                StagedFiles.sourceMd(request), images.files(), pages,
                title != null ? title : StagedFiles.stem(request.source()));
    }

    private ConvertedDoc convertLong(ConvertRequest request, PDDocument doc, Path raw, int pages) throws IOException {
        PdfImageSaver images = new PdfImageSaver(StagedFiles.imagesDir(request));
        List<PageText> texts;
        try (PdfPagesOutput json = new PdfPagesOutput(request, images)) {
            parse(request, () -> new PdfPageStripper(request.cancel(), json).run(doc));
            texts = json.texts();
        }
        request.cancel().throwIfCancelled();
        String title = parse(request, () -> metadataTitle(doc));
        List<OutlineEntry> outline = parse(request, () -> PdfOutline.read(doc));
        DocTree tree = new TreeBuilder().build(title, StagedFiles.stem(request.source()), pages, texts, outline);
        StagedTree.write(request.stagingDir(), tree, StagedTree.sha256(raw));
        return new ConvertedDoc(request.docName(), LONG_PDF_TYPE, DocKind.LONG_PDF, raw,
                StagedFiles.sourceJson(request), images.files(), pages, tree.title());
    }

    private static String metadataTitle(PDDocument doc) {
        PDDocumentInformation info = doc.getDocumentInformation();
        String title = info == null ? null : info.getTitle();
        return title == null || title.isBlank() ? null : TextCleaner.clean(title).replaceAll("\\s+", " ").strip();
    }

    /** A call into pdfbox that reads the PDF. */
    private interface PdfCall<T> {
        T run() throws IOException;
    }

    private interface PdfPass {
        void run() throws IOException;
    }

    private static void parse(ConvertRequest request, PdfPass pass) throws IOException {
        parse(request, () -> {
            pass.run();
            return null;
        });
    }

    /**
     * Runs a pdfbox call and maps what a damaged PDF makes pdfbox throw (any IOException or runtime
     * exception) to {@code CONVERSION_FAILED}; cancellation and failed output to staging pass through.
     */
    private static <T> T parse(ConvertRequest request, PdfCall<T> call) throws IOException {
        try {
            return call.run();
        } catch (PdfPageStripper.OutputFailure e) {
            throw e.getCause();
        } catch (KbException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw PdfOpener.corrupt(request.source(), e);
        }
    }
}
