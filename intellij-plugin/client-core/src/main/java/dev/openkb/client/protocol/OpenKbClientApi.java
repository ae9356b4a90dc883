package dev.openkb.client.protocol;

import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.services.LanguageClient;

/** What the server may call on this client: standard LSP plus OpenKB's per-file progress notification. */
public interface OpenKbClientApi extends LanguageClient {
    /** One stage event of one file of an add, in order per file. */
    @JsonNotification("openkb/fileProgress")
    void fileProgress(FileProgress progress);
}
