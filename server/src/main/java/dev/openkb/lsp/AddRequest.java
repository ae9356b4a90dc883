package dev.openkb.lsp;

import com.google.gson.JsonElement;
import dev.openkb.add.AddReport;
import dev.openkb.engine.CancelToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * {@code openkb/add}: every URI is checked before anything starts (a missing path or a non-file URI
 * fails the request and nothing happens; {@code http(s)://} URIs are downloaded by the engine and
 * added after the files), the target KB is chosen ({@code kb}, else the KB holding
 * the first URI, else the workspace's only KB), and the engine's add runs as a cancellable operation
 * reporting through {@link AddProgress}. Each committed file updates the snapshot from the paths it
 * touched (diagnostics of the pages whose findings changed republished, as the add goes); the result
 * waits for those updates, and the progress end is sent before it. Stateless apart from
 * the shared context.
 */
final class AddRequest {
    static final String METHOD = "openkb/add";

    private final ServerContext ctx;

    AddRequest(ServerContext ctx) {
        this.ctx = ctx;
    }

    /** @param commandToken the workDoneToken of a {@code workspace/executeCommand}, or null */
    CompletableFuture<Protocol.AddResult> add(JsonElement json, Either<String, Integer> commandToken) {
        Params p = Params.of(METHOD, json);
        List<Path> inputs = new ArrayList<>();
        List<java.net.URI> urls = new ArrayList<>();
        for (String uri : p.requireStrings("uris")) {
            if (uri.regionMatches(true, 0, "http://", 0, 7) || uri.regionMatches(true, 0, "https://", 0, 8)) {
                urls.add(webUrl(p, uri));
                continue;
            }
            Path path = Uris.requirePath(p, "uris", uri);
            if (!Files.exists(path)) {
                throw p.fail("no such file or folder: " + path);
            }
            if (!Files.isReadable(path)) {
                throw p.fail("cannot read " + path + " (permission denied)");
            }
            inputs.add(path);
        }
        Integer jobs = p.integer("jobs", 1, 64).orElse(null);
        KbSession kb = targetKb(p, inputs.isEmpty() ? null : inputs.get(0));
        Either<String, Integer> clientToken = p.workDoneToken().orElse(commandToken);
        return ctx.operations().start(clientToken, cancel -> run(kb, inputs, urls, jobs, clientToken, cancel));
    }

    /** An http(s) URI to download: absolute, with a host, and parseable; the engine checks the rest. */
    private static java.net.URI webUrl(Params p, String uri) {
        try {
            java.net.URI url = new java.net.URI(uri.strip());
            if (url.getHost() == null || url.getHost().isEmpty()) {
                throw p.fail("not a downloadable URL (no host): " + uri);
            }
            return url;
        } catch (java.net.URISyntaxException e) {
            throw p.fail("not a valid URL: " + uri + " (" + e.getReason() + ")");
        }
    }

    private KbSession targetKb(Params p, Path first) {
        Optional<String> kbUri = p.string("kb");
        if (kbUri.isPresent()) {
            Path dir = Uris.requirePath(p, "kb", kbUri.get());
            return ctx.workspace().sessionAtRealPath(dir).orElseThrow(() -> p.fail(dir
                    + " is not a knowledge base of this workspace (knowledge bases: " + ctx.workspace().describeKbs() + ")"));
        }
        if (first == null) {
            return ctx.workspace().only(p, "'kb'"); // only URLs: nothing on disk says which KB
        }
        return ctx.workspace().sessionFor(first).orElseGet(() -> ctx.workspace().only(p, "'kb'"));
    }

    private Protocol.AddResult run(KbSession kb, List<Path> inputs, List<java.net.URI> urls, Integer jobs,
            Either<String, Integer> clientToken,
            CancelToken cancel) throws IOException {
        ServerOptions o = ctx.options().get();
        Either<String, Integer> serverToken = null;
        AddProgress progress;
        if (clientToken != null) {
            progress = AddProgress.onClientToken(ctx.outbox(), ctx.timer(), o.progressInterval(), clientToken);
        } else if (ctx.clientCreatesProgress().getAsBoolean()) {
            serverToken = Either.forLeft("openkb-add-" + UUID.randomUUID());
            ctx.operations().bindProgressToken(serverToken, cancel);
            progress = AddProgress.onServerToken(ctx.outbox(), ctx.timer(), o.progressInterval(), serverToken,
                    o.progressCreateTimeout());
        } else {
            progress = AddProgress.fileProgressOnly(ctx.outbox());
        }
        progress.begin("OpenKB: add", urls.isEmpty() ? "scanning " + inputs.size() + " input(s)"
                : "downloading " + urls.size() + " URL(s)" + (inputs.isEmpty() ? "" : ", scanning " + inputs.size() + " input(s)"));
        try {
            AddReport r = kb.service().add(inputs, urls, jobs, progress, cancel);
            progress.end(summary(r));
            // Each commit already queued its snapshot update; answer once they are applied.
            kb.settled().handle((v, e) -> null).join();
            return result(r);
        } catch (RuntimeException | IOException e) {
            progress.end("failed: " + e.getMessage());
            throw e;
        } finally {
            if (serverToken != null) {
                ctx.operations().unbindProgressToken(serverToken);
            }
            ctx.outbox().flushed().join();
        }
    }

    /** The progress end's message: the summary every face shows, and why the batch stopped, if it did. */
    static String summary(AddReport r) {
        return r.summary().line() + (r.stoppedReason() == null ? "" : " (" + r.stoppedReason() + ")");
    }

    static Protocol.AddResult result(AddReport r) {
        return new Protocol.AddResult(r.added(), r.skipped(), r.failed(), r.cancelled(),
                r.files().stream().map(f -> new Protocol.AddedFile(f.url() != null ? f.url() : Uris.toUri(f.file()), f.docName(),
                        f.status().wireName(), f.reason())).toList(),
                r.passedOver().stream().map(s -> new Protocol.PassedOver(Uris.toUri(s.path()), s.reason())).toList(),
                r.stoppedReason(), r.summary().unsupported(), r.summary().line());
    }
}
