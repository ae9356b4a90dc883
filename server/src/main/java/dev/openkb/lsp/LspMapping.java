package dev.openkb.lsp;

import com.google.gson.JsonObject;
import dev.openkb.lint.LintFinding;
import dev.openkb.wiki.WikiLink;
import java.util.List;
import java.util.TreeMap;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Engine records to LSP4J types: the one place lint findings become diagnostics. Ranges map one
 * to one (the engine already counts lines and UTF-16 columns as LSP does). Stateless.
 */
final class LspMapping {
    static final String SOURCE = "openkb";

    private LspMapping() {
    }

    static Diagnostic diagnostic(LintFinding f) {
        Diagnostic d = new Diagnostic(range(f.range()), f.message(), severity(f.severity()), SOURCE);
        d.setCode(Either.forLeft(f.code()));
        JsonObject data = new JsonObject();
        new TreeMap<>(f.data()).forEach(data::addProperty);
        d.setData(data);
        return d;
    }

    static List<Diagnostic> diagnostics(List<LintFinding> findings) {
        return findings.stream().map(LspMapping::diagnostic).toList();
    }

    static Range range(dev.openkb.lint.Range r) {
        return new Range(new Position(r.startLine(), r.startChar()), new Position(r.endLine(), r.endChar()));
    }

    static Range range(WikiLink l) {
        return new Range(new Position(l.line(), l.startChar()), new Position(l.line(), l.endChar()));
    }

    static Range lineStart(int line) {
        return new Range(new Position(line, 0), new Position(line, 0));
    }

    static DiagnosticSeverity severity(dev.openkb.lint.Severity s) {
        return switch (s) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFORMATION -> DiagnosticSeverity.Information;
            case HINT -> DiagnosticSeverity.Hint;
        };
    }

    /** True when two ranges overlap or touch (a cursor at a link's edge is on the link). */
    static boolean touches(Range a, dev.openkb.lint.Range b) {
        return !before(a.getEnd(), b.startLine(), b.startChar()) && !after(a.getStart(), b.endLine(), b.endChar());
    }

    private static boolean before(Position p, int line, int ch) {
        return p.getLine() < line || (p.getLine() == line && p.getCharacter() < ch);
    }

    private static boolean after(Position p, int line, int ch) {
        return p.getLine() > line || (p.getLine() == line && p.getCharacter() > ch);
    }
}
