package dev.openkb.compile;

import java.util.List;

/**
 * What a compile did.
 *
 * @param description  the document's one-line description (its summary's {@code description})
 * @param pagesWritten KB-relative paths written, in first-write order ("wiki/summaries/x.md")
 * @param warnings     per-page problems that did not fail the compile
 */
public record CompileResult(String description, List<String> pagesWritten, List<String> warnings) {
    public CompileResult {
        pagesWritten = List.copyOf(pagesWritten);
        warnings = List.copyOf(warnings);
    }
}
