package dev.openkb.client.diagnostics;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One quick fix the server offers for a diagnostic: a title and the text edits it makes, per file (a fix on a
 * page may add a line to {@code wiki/index.md}).
 *
 * @param preferred whether the server marks it as the fix to apply by default
 */
public record QuickFix(String title, boolean preferred, Map<Path, List<RangeEdit>> edits) {
    public QuickFix {
        edits = Map.copyOf(edits);
    }
}
