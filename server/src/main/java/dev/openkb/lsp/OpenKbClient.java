package dev.openkb.lsp;

import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.services.LanguageClient;

/** The client as the server sees it: a standard LSP client plus OpenKB's one notification. */
public interface OpenKbClient extends LanguageClient {
    /** One stage event of one file of an add, in order per file (see {@link Protocol.FileProgress}). */
    @JsonNotification("openkb/fileProgress")
    void fileProgress(Protocol.FileProgress progress);
}
