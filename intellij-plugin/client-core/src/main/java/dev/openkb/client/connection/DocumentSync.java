package dev.openkb.client.connection;

import dev.openkb.client.protocol.OpenKbServerApi;
import dev.openkb.client.protocol.Uris;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;

/**
 * Editor buffers on the server: didOpen the first time, full-text didChange after, didClose when the editor
 * closes, and all of them again for a new server after a restart. Notifications go out in order on one sender
 * thread, so a caller (an annotator thread) never blocks on the server's pipe. The buffers themselves are in
 * {@link SyncedDocuments} (guarded there); a server that is not running yet gets them when it starts.
 */
final class DocumentSync {
    private static final String LANGUAGE_ID = "markdown";

    private final SyncedDocuments documents = new SyncedDocuments();
    private final ExecutorService sender;
    private final Supplier<ServerConnection> running;

    DocumentSync(ExecutorService sender, Supplier<ServerConnection> running) {
        this.sender = sender;
        this.running = running;
    }

    void sync(Path file, String text) {
        SyncedDocuments.Doc doc = documents.update(file.toAbsolutePath().normalize(), text);
        if (doc != null) {
            toRunning(api -> send(api, doc));
        }
    }

    void close(Path file) {
        Path p = file.toAbsolutePath().normalize();
        if (documents.close(p)) {
            toRunning(api -> api.getTextDocumentService().didClose(
                    new DidCloseTextDocumentParams(new TextDocumentIdentifier(Uris.toUri(p)))));
        }
    }

    void saved(Path file) {
        Path p = file.toAbsolutePath().normalize();
        if (documents.isOpen(p)) {
            toRunning(api -> api.getTextDocumentService().didSave(
                    new DidSaveTextDocumentParams(new TextDocumentIdentifier(Uris.toUri(p)))));
        }
    }

    /** A new server is up: it gets every open buffer, as a didOpen of its latest text. */
    void reopenAll(ServerConnection c) {
        for (SyncedDocuments.Doc doc : documents.all().values()) {
            SyncedDocuments.Doc reopened = new SyncedDocuments.Doc(doc.file(), doc.version(), doc.text(), true);
            sender.execute(() -> c.notify(api -> send(api, reopened)));
        }
    }

    private void toRunning(Consumer<OpenKbServerApi> notification) {
        sender.execute(() -> {
            ServerConnection c = running.get();
            if (c != null) {
                c.notify(notification);
            }
        });
    }

    private static void send(OpenKbServerApi api, SyncedDocuments.Doc doc) {
        String uri = Uris.toUri(doc.file());
        if (doc.opened()) {
            api.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(uri, LANGUAGE_ID, doc.version(), doc.text())));
        } else {
            api.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(uri, doc.version()),
                    List.of(new TextDocumentContentChangeEvent(doc.text()))));
        }
    }
}
