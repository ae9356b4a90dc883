package dev.openkb.search;

/**
 * Where a passage lies in its file: 0-based lines {@code startLine} (inclusive) to {@code endLine}
 * (exclusive) of a Markdown page, or, for a long document's per-page JSON ({@code sources/<doc>.json}),
 * the PDF page number {@code pdfPage} (1-based; 0 for Markdown, whose lines are then the range).
 */
public record PassageRange(int startLine, int endLine, int pdfPage) {
    public static PassageRange lines(int startLine, int endLine) {
        return new PassageRange(startLine, endLine, 0);
    }

    public static PassageRange pdfPage(int page) {
        return new PassageRange(0, 0, page);
    }
}
