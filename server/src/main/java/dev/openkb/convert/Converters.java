package dev.openkb.convert;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * The converter the add pipeline calls: picks the converter for the file's extension (compared
 * case-insensitively), refuses unsupported types with OpenKB's message, copies the original to
 * staging/raw (refusing an empty file), then converts into the staging folder.
 *
 * <p>A library that throws an unchecked exception on a hostile file (POI, jsoup), or overflows the
 * stack on absurd nesting, fails that file with CONVERSION_FAILED naming the type and cause; KbException (including CANCELLED) and I/O
 * errors writing staging pass through unchanged. Immutable and thread-safe: the per-type
 * converters are stateless, so one instance serves the whole worker pool.
 */
public final class Converters implements DocumentConverter {
    private final Map<String, DocumentConverter> byExtension;

    /** @param pdf the PDF converter (short and long PDFs), e.g. {@code new PdfConverter()} */
    public Converters(DocumentConverter pdf) {
        Objects.requireNonNull(pdf, "pdf");
        DocumentConverter markdown = new MarkdownConverter();
        DocumentConverter html = new HtmlConverter();
        DocumentConverter spreadsheet = new SpreadsheetConverter();
        byExtension = Map.ofEntries(
                Map.entry(".md", markdown), Map.entry(".markdown", markdown),
                Map.entry(".txt", new TextConverter()),
                Map.entry(".html", html), Map.entry(".htm", html),
                Map.entry(".pdf", pdf),
                Map.entry(".docx", new DocxConverter()),
                Map.entry(".pptx", new PptxConverter()),
                Map.entry(".xlsx", spreadsheet), Map.entry(".xls", spreadsheet),
                Map.entry(".csv", new CsvConverter()));
        if (!byExtension.keySet().equals(SupportedTypes.EXTENSIONS)) {
            throw new IllegalStateException("converters " + byExtension.keySet()
                    + " do not match the supported types " + SupportedTypes.EXTENSIONS);
        }
    }

    @Override
    public ConvertedDoc convert(ConvertRequest request) throws IOException {
        DocumentConverter converter = byExtension.get(SupportedTypes.lowerExtension(request.source()));
        if (converter == null) {
            throw new KbException(ErrorCode.UNSUPPORTED_TYPE, request.source(),
                    SupportedTypes.unsupportedMessage(request.source()));
        }
        request.cancel().throwIfCancelled();
        StagedFiles.copyRaw(request);
        try {
            return converter.convert(request);
        } catch (KbException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ShortDocs.failure(request.source(), ShortDocs.describe(e), e);
        } catch (StackOverflowError e) {
            // POI builds nested Word tables recursively: a few thousand levels overflow the stack.
            // The stack has unwound by here, so this thread is healthy again; only this file fails.
            throw ShortDocs.failure(request.source(), "the document nests too deeply to read", e);
        }
    }
}
