package dev.openkb.client.protocol;

import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The OpenKB language server as this client sees it: standard LSP plus the {@code openkb/*} requests
 * ({@code docs/protocol.md}). LSP4J builds the proxy from these annotations; the records are (de)serialised by
 * Gson field by field, so a field the server adds later is ignored and one it leaves out reads as null or 0.
 */
@JsonSegment("openkb")
public interface OpenKbServerApi extends LanguageServer {
    /** Adds files and folders; per-file events arrive as {@code openkb/fileProgress}; {@code $/cancelRequest} stops it. */
    @JsonRequest
    CompletableFuture<Results.AddResult> add(Requests.AddParams params);

    /** Rolls back unfinished journals and reclaims staging left by a crash. */
    @JsonRequest
    CompletableFuture<Results.RecoverResult> recover(Requests.UriParams params);

    /** Lints the whole KB (or one page) and publishes the findings as diagnostics too. */
    @JsonRequest
    CompletableFuture<Results.LintResult> lint(Requests.UriParams params);

    @JsonRequest
    CompletableFuture<Results.RemoveResult> remove(Requests.RemoveParams params);

    @JsonRequest
    CompletableFuture<Results.InitResult> init(Requests.UriParams params);

    @JsonRequest
    CompletableFuture<Results.StatusResult> status(Requests.UriParams params);

    @JsonRequest
    CompletableFuture<Results.DocumentsResult> documents(Requests.UriParams params);

    /** Asks the KB; the answer's text streams as partial results on the params' token; cancelling sends {@code $/cancelRequest}. */
    @JsonRequest
    CompletableFuture<Results.QueryResult> query(Requests.QueryParams params);
}
