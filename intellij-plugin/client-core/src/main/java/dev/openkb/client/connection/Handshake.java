package dev.openkb.client.connection;

import dev.openkb.client.protocol.Uris;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.ClientInfo;
import org.eclipse.lsp4j.CodeActionCapabilities;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionKindCapabilities;
import org.eclipse.lsp4j.CodeActionLiteralSupportCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.PublishDiagnosticsCapabilities;
import org.eclipse.lsp4j.SynchronizationCapabilities;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;

/** What this client says about itself in {@code initialize}. Stateless. */
final class Handshake {
    private Handshake() {
    }

    static WorkspaceFolder folder(Path root) {
        Path name = root.toAbsolutePath().normalize().getFileName();
        return new WorkspaceFolder(Uris.toUri(root), name == null ? root.toString() : name.toString());
    }

    /**
     * Declares work-done progress (so the server reports an add on the token this client passes and may create
     * its own), diagnostics with data and versions (quick fixes echo the data back), quick-fix code actions, and
     * full-text document sync.
     */
    static InitializeParams params(ClientConfig config) {
        InitializeParams p = new InitializeParams();
        p.setProcessId((int) ProcessHandle.current().pid());
        p.setClientInfo(new ClientInfo(config.clientName()));
        WorkspaceFolder folder = folder(config.workspaceRoot());
        p.setWorkspaceFolders(List.of(folder));
        p.setRootUri(folder.getUri());
        p.setInitializationOptions(config.initializationOptions());

        WindowClientCapabilities window = new WindowClientCapabilities();
        window.setWorkDoneProgress(true);

        PublishDiagnosticsCapabilities diagnostics = new PublishDiagnosticsCapabilities();
        diagnostics.setDataSupport(true);
        diagnostics.setVersionSupport(true);
        diagnostics.setCodeDescriptionSupport(true);

        CodeActionCapabilities codeActions = new CodeActionCapabilities(new CodeActionLiteralSupportCapabilities(
                new CodeActionKindCapabilities(List.of(CodeActionKind.QuickFix))), false);
        codeActions.setDataSupport(true);
        codeActions.setIsPreferredSupport(true);

        TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
        text.setPublishDiagnostics(diagnostics);
        text.setCodeAction(codeActions);
        text.setSynchronization(new SynchronizationCapabilities(false, false, true));

        WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
        workspace.setWorkspaceFolders(true);

        ClientCapabilities caps = new ClientCapabilities();
        caps.setWindow(window);
        caps.setTextDocument(text);
        caps.setWorkspace(workspace);
        p.setCapabilities(caps);
        return p;
    }
}
