package dev.openkb.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

/**
 * OpenKB's requests, client to server ({@code openkb/*}, documented in {@code docs/protocol.md}).
 * Params are taken as raw JSON and validated by {@link Params}, so a malformed request gets an
 * InvalidParams error that names the field instead of a Gson stack trace.
 */
@JsonSegment("openkb")
public interface OpenKbProtocol {
    @JsonRequest
    CompletableFuture<Protocol.AddResult> add(JsonElement params);

    @JsonRequest
    CompletableFuture<Protocol.RecoverResult> recover(JsonElement params);

    /** The lint JSON ({@code {"findings":[...],"counts":{...}}}) of the KB or one page. */
    @JsonRequest
    CompletableFuture<JsonObject> lint(JsonElement params);

    @JsonRequest
    CompletableFuture<Protocol.RemoveResult> remove(JsonElement params);

    @JsonRequest
    CompletableFuture<Protocol.InitResult> init(JsonElement params);

    @JsonRequest
    CompletableFuture<Protocol.StatusResult> status(JsonElement params);

    @JsonRequest
    CompletableFuture<Protocol.DocumentsResult> documents(JsonElement params);

    /** An answer to a question about the KB: {@code {"question","answer","mode","sources":[...]}}. */
    @JsonRequest
    CompletableFuture<JsonObject> query(JsonElement params);
}
