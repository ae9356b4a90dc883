package dev.openkb.client.diagnostics;

import dev.openkb.client.protocol.Uris;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The code-action round trip for a diagnostic: the request that asks for its fixes, and the server's answer as
 * {@link QuickFix}es. Only code actions that carry edits become fixes; bare commands and edits on non-file URIs
 * are left out, since this client has nothing to run them with. Stateless.
 */
public final class QuickFixes {
    private QuickFixes() {
    }

    /** {@code textDocument/codeAction} over the diagnostic's range, echoing it (with its data), quick fixes only. */
    public static CodeActionParams request(KbDiagnostic d) {
        CodeActionContext context = new CodeActionContext(List.of(DiagnosticConverter.toLsp(d)));
        context.setOnly(List.of(CodeActionKind.QuickFix));
        return new CodeActionParams(new TextDocumentIdentifier(Uris.toUri(d.file())), DiagnosticConverter.toLsp(d.range()),
                context);
    }

    public static List<QuickFix> fromLsp(List<Either<Command, CodeAction>> actions) {
        if (actions == null) {
            return List.of();
        }
        List<QuickFix> out = new ArrayList<>();
        for (Either<Command, CodeAction> a : actions) {
            if (a == null || !a.isRight() || a.getRight().getEdit() == null) {
                continue;
            }
            CodeAction action = a.getRight();
            Map<Path, List<RangeEdit>> edits = edits(action.getEdit());
            if (!edits.isEmpty()) {
                out.add(new QuickFix(action.getTitle(), Boolean.TRUE.equals(action.getIsPreferred()), edits));
            }
        }
        return out;
    }

    /** A workspace edit's text edits per file, from {@code changes} or from {@code documentChanges}. */
    static Map<Path, List<RangeEdit>> edits(WorkspaceEdit edit) {
        Map<Path, List<RangeEdit>> out = new LinkedHashMap<>();
        if (edit.getChanges() != null) {
            edit.getChanges().forEach((uri, list) -> add(out, uri, list));
        }
        if (edit.getDocumentChanges() != null) {
            for (var change : edit.getDocumentChanges()) {
                if (change != null && change.isLeft()) {
                    TextDocumentEdit tde = change.getLeft();
                    List<TextEdit> plain = new ArrayList<>();
                    for (var e : tde.getEdits()) {
                        if (e.isLeft()) { // snippet edits are not advertised, so none should come
                            plain.add(e.getLeft());
                        }
                    }
                    add(out, tde.getTextDocument().getUri(), plain);
                }
            }
        }
        return out;
    }

    private static void add(Map<Path, List<RangeEdit>> out, String uri, List<? extends TextEdit> edits) {
        Optional<Path> file = Uris.toPath(uri);
        if (file.isEmpty() || edits == null || edits.isEmpty()) {
            return;
        }
        List<RangeEdit> list = out.computeIfAbsent(file.get(), k -> new ArrayList<>());
        for (TextEdit e : edits) {
            list.add(new RangeEdit(DiagnosticConverter.fromLsp(e.getRange()), e.getNewText()));
        }
    }
}
