package dev.openkb.client.diagnostics;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import dev.openkb.client.protocol.Results;
import java.nio.file.Path;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * LSP4J diagnostics to {@link KbDiagnostic} and back (the way back is for code-action requests, which must
 * echo the diagnostic with its {@code data}). The only place that reads LSP4J's {@link Diagnostic}, whose
 * message type changed in LSP4J 1.0. Stateless.
 */
public final class DiagnosticConverter {
    private static final Gson GSON = new Gson();

    private DiagnosticConverter() {
    }

    public static KbDiagnostic fromLsp(Path file, Diagnostic d) {
        String code = null;
        if (d.getCode() != null) {
            code = d.getCode().isLeft() ? d.getCode().getLeft() : String.valueOf(d.getCode().getRight());
        }
        String message = "";
        if (d.getMessage() != null) {
            message = d.getMessage().isLeft() ? d.getMessage().getLeft() : d.getMessage().getRight().getValue();
        }
        Integer severity = d.getSeverity() == null ? null : d.getSeverity().getValue();
        return new KbDiagnostic(file, code, Severity.fromLsp(severity), fromLsp(d.getRange()), message, d.getSource(),
                toJson(d.getData()));
    }

    public static Diagnostic toLsp(KbDiagnostic k) {
        Diagnostic d = new Diagnostic(toLsp(k.range()), k.message(), DiagnosticSeverity.forValue(k.severity().toLsp()),
                k.source());
        if (k.code() != null) {
            d.setCode(Either.forLeft(k.code()));
        }
        d.setData(k.data());
        return d;
    }

    public static Results.Range fromLsp(Range r) {
        if (r == null) {
            return new Results.Range(new Results.Position(0, 0), new Results.Position(0, 0));
        }
        return new Results.Range(fromLsp(r.getStart()), fromLsp(r.getEnd()));
    }

    public static Range toLsp(Results.Range r) {
        return new Range(new Position(r.start().line(), r.start().character()),
                new Position(r.end().line(), r.end().character()));
    }

    private static Results.Position fromLsp(Position p) {
        return p == null ? new Results.Position(0, 0) : new Results.Position(p.getLine(), p.getCharacter());
    }

    /** LSP4J hands {@code data} over as a Gson tree; anything else (a test's plain object) is converted once. */
    private static JsonElement toJson(Object data) {
        if (data == null || data instanceof JsonElement) {
            return (JsonElement) data;
        }
        return GSON.toJsonTree(data);
    }
}
