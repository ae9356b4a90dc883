package dev.openkb.client.connection;

import dev.openkb.client.diagnostics.DiagnosticConverter;
import dev.openkb.client.diagnostics.DiagnosticsStore;
import dev.openkb.client.diagnostics.KbDiagnostic;
import dev.openkb.client.protocol.FileProgress;
import dev.openkb.client.protocol.OpenKbClientApi;
import dev.openkb.client.protocol.Uris;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.UnregistrationParams;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkspaceFolder;

/**
 * This client's side of the connection: what the server calls. It only routes (diagnostics to the store,
 * progress to the router, messages to the host), so it can serve every server instance a supervisor starts.
 * Called on LSP4J's listener thread; everything it touches is thread-safe.
 */
final class LocalClient implements OpenKbClientApi {
    private final DiagnosticsStore diagnostics;
    private final ProgressRouter progress;
    private final ClientEvents events;
    private final List<WorkspaceFolder> folders;

    LocalClient(DiagnosticsStore diagnostics, ProgressRouter progress, ClientEvents events, List<WorkspaceFolder> folders) {
        this.diagnostics = diagnostics;
        this.progress = progress;
        this.events = events;
        this.folders = List.copyOf(folders);
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams params) {
        Optional<Path> file = Uris.toPath(params.getUri());
        if (file.isEmpty()) {
            return;
        }
        List<KbDiagnostic> list = new ArrayList<>();
        for (Diagnostic d : params.getDiagnostics() == null ? List.<Diagnostic>of() : params.getDiagnostics()) {
            list.add(DiagnosticConverter.fromLsp(file.get(), d));
        }
        diagnostics.publish(file.get(), list);
    }

    @Override
    public void fileProgress(FileProgress event) {
        progress.fileProgress(event);
    }

    @Override
    public void notifyProgress(ProgressParams params) {
        progress.workDone(params);
    }

    /** Server-created progress (lint, recover) is accepted; this client shows its own progress for those. */
    @Override
    public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void showMessage(MessageParams params) {
        events.showMessage(ClientEvents.MessageLevel.fromLsp(params.getType().getValue()), params.getMessage());
    }

    /** Shown like showMessage; no action is chosen (the server must cope with null, as LSP allows). */
    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
        events.showMessage(ClientEvents.MessageLevel.fromLsp(params.getType().getValue()), params.getMessage());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams params) {
        events.log("[server] " + params.getMessage());
    }

    @Override
    public void telemetryEvent(Object object) {
        // Nothing is collected.
    }

    @Override
    public CompletableFuture<List<WorkspaceFolder>> workspaceFolders() {
        return CompletableFuture.completedFuture(folders);
    }

    /** No client-side settings are exposed through workspace/configuration: one null per item, as LSP allows. */
    @Override
    public CompletableFuture<List<Object>> configuration(ConfigurationParams params) {
        int n = params.getItems() == null ? 0 : params.getItems().size();
        return CompletableFuture.completedFuture(new ArrayList<>(Collections.nCopies(n, null)));
    }

    @Override
    public CompletableFuture<Void> registerCapability(RegistrationParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> unregisterCapability(UnregistrationParams params) {
        return CompletableFuture.completedFuture(null);
    }
}
