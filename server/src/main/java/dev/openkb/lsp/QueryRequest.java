package dev.openkb.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.openkb.engine.KbException;
import dev.openkb.query.AnswerListener;
import dev.openkb.query.QueryEngine;
import dev.openkb.query.QueryJson;
import dev.openkb.query.QueryResult;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * {@code openkb/query {question, kb?, save?, top?, partialResultToken?}} and the command
 * {@code openkb.query}: the answer in the shape {@code openkb query --format json} prints. With a
 * {@code partialResultToken} the answer's text also streams as {@code $/progress} notifications
 * ({@code {"chunk": "..."}}), all sent before the response; {@code $/cancelRequest} cancels the
 * operation's token (the answerer stops, nothing is logged, the response is RequestCancelled). A
 * saved exploration reloads the snapshot, so its page and index entry are linted before the answer.
 * Stateless apart from the shared context.
 */
final class QueryRequest {
    private final ServerContext ctx;

    QueryRequest(ServerContext ctx) {
        this.ctx = ctx;
    }

    CompletableFuture<JsonObject> query(JsonElement json) {
        Params p = Params.of("openkb/query", json);
        String question;
        try {
            question = QueryEngine.checkQuestion(p.requireString("question"));
        } catch (KbException e) {
            throw p.fail(e.getMessage());
        }
        int top = p.integer("top", 1, QueryEngine.MAX_TOP).orElse(QueryEngine.DEFAULT_TOP);
        boolean save = p.bool("save", false);
        String field = p.has("kb") ? "kb" : "uri";
        Optional<Path> where = p.string(field).map(u -> Uris.requirePath(p, field, u));
        KbSession kb = ctx.workspace().target(p, field, where);
        Optional<Either<String, Integer>> token = p.partialResultToken();
        AnswerListener listener = token.<AnswerListener>map(t -> chunk -> {
            JsonObject value = new JsonObject();
            value.addProperty("chunk", chunk);
            ctx.outbox().send(c -> c.notifyProgress(new ProgressParams(t, Either.forRight(value))));
        }).orElse(AnswerListener.NONE);
        return ctx.operations().start(null, cancel -> {
            QueryResult r = kb.service().queries().ask(question, top, save, listener, cancel);
            if (r.saved() != null) {
                KbRequests.reloadQuietly(kb);
            }
            ctx.outbox().flushed().join(); // every partial result goes out before the response
            return JsonParser.parseString(QueryJson.toString(r, kb.layout())).getAsJsonObject();
        });
    }
}
