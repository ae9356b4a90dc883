package dev.openkb.client.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.openkb.client.protocol.Results;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

class QuickFixesTest {
    private static final Range LINK = new Range(new Position(2, 4), new Position(2, 15));

    private static CodeAction action(String title, WorkspaceEdit edit, boolean preferred) {
        CodeAction a = new CodeAction(title);
        a.setKind(CodeActionKind.QuickFix);
        a.setEdit(edit);
        a.setIsPreferred(preferred);
        return a;
    }

    @Test
    void codeActionsWithChangesBecomeFixesPerFile() {
        WorkspaceEdit edit = new WorkspaceEdit(Map.of(
                "file:///kb/wiki/concepts/a.md", List.of(new TextEdit(LINK, "[[b]]")),
                "file:///kb/wiki/index.md", List.of(new TextEdit(new Range(new Position(3, 0), new Position(3, 0)), "- [[a]]\n"))));
        List<QuickFix> fixes = QuickFixes.fromLsp(List.of(Either.forRight(action("Replace with [[b]]", edit, true)),
                Either.forLeft(new Command("run", "openkb.something"))));
        assertEquals(1, fixes.size(), "bare commands are left out");
        QuickFix fix = fixes.get(0);
        assertEquals("Replace with [[b]]", fix.title());
        assertTrue(fix.preferred());
        assertEquals(List.of(new RangeEdit(new Results.Range(new Results.Position(2, 4), new Results.Position(2, 15)), "[[b]]")),
                fix.edits().get(Path.of("/kb/wiki/concepts/a.md")));
        assertEquals(2, fix.edits().size());
    }

    @Test
    void documentChangesAreReadToo() {
        TextDocumentEdit tde = new TextDocumentEdit(new VersionedTextDocumentIdentifier("file:///kb/wiki/a.md", 3),
                List.of(Either.forLeft(new TextEdit(LINK, "b"))));
        WorkspaceEdit edit = new WorkspaceEdit(List.of(Either.forLeft(tde)));
        List<QuickFix> fixes = QuickFixes.fromLsp(List.of(Either.forRight(action("Demote", edit, false))));
        assertEquals(1, fixes.get(0).edits().get(Path.of("/kb/wiki/a.md")).size());
    }

    @Test
    void actionsWithoutEditsOrOnlyNonFileUrisOfferNothing() {
        CodeAction none = new CodeAction("nothing");
        WorkspaceEdit untitled = new WorkspaceEdit(Map.of("untitled:1", List.of(new TextEdit(LINK, "x"))));
        assertEquals(List.of(), QuickFixes.fromLsp(List.of(Either.forRight(none), Either.forRight(action("u", untitled, false)))));
        assertEquals(List.of(), QuickFixes.fromLsp(null));
    }

    @Test
    void theRequestEchoesTheDiagnosticWithItsData() {
        JsonObject data = new JsonObject();
        data.addProperty("link", "missing");
        Diagnostic published = new Diagnostic(LINK, "broken link", DiagnosticSeverity.Warning, "openkb");
        published.setCode(Either.forLeft("broken-link"));
        published.setData(data);
        KbDiagnostic d = DiagnosticConverter.fromLsp(Path.of("/kb/wiki/a.md"), published);
        assertEquals("broken-link", d.code());
        assertEquals(Severity.WARNING, d.severity());
        assertEquals("broken link", d.message());

        CodeActionParams params = QuickFixes.request(d);
        assertEquals("file:///kb/wiki/a.md", params.getTextDocument().getUri());
        assertEquals(LINK, params.getRange());
        Diagnostic echoed = params.getContext().getDiagnostics().get(0);
        assertEquals(published.getCode(), echoed.getCode());
        assertEquals(data, echoed.getData());
        assertEquals(published.getRange(), echoed.getRange());
        assertEquals(List.of(CodeActionKind.QuickFix), params.getContext().getOnly());
    }
}
