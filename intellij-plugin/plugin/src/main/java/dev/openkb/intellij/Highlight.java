package dev.openkb.intellij;

import com.intellij.lang.annotation.HighlightSeverity;
import dev.openkb.client.diagnostics.QuickFix;
import dev.openkb.client.diagnostics.Severity;
import java.util.List;

/**
 * One editor highlight worked out from a diagnostic, ready for an annotation holder.
 *
 * @param start   offset in the text the annotator was given
 * @param end     exclusive end offset
 * @param fixes   what Alt+Enter offers on it
 */
public record Highlight(int start, int end, HighlightSeverity severity, String message, List<QuickFix> fixes) {
    public Highlight {
        fixes = List.copyOf(fixes);
    }

    /** LSP severities as IDE severities; information and hints are weak warnings so they still show. */
    public static HighlightSeverity severity(Severity s) {
        return switch (s) {
            case ERROR -> HighlightSeverity.ERROR;
            case WARNING -> HighlightSeverity.WARNING;
            case INFORMATION, HINT -> HighlightSeverity.WEAK_WARNING;
        };
    }

    /** The span clamped to a text of this length (the file may have changed since the offsets were computed). */
    public int clampedStart(int length) {
        return Math.max(0, Math.min(start, length));
    }

    public int clampedEnd(int length) {
        return Math.max(clampedStart(length), Math.min(end, length));
    }
}
