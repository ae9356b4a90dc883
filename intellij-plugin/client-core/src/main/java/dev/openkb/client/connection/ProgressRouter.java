package dev.openkb.client.connection;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.openkb.client.progress.AddProgress;
import dev.openkb.client.protocol.FileProgress;
import dev.openkb.client.protocol.Uris;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressNotification;
import org.eclipse.lsp4j.WorkDoneProgressReport;

/**
 * Sends progress to the add it belongs to. {@code $/progress} carries the add's own work-done token.
 * {@code openkb/fileProgress} carries only a file URI, so it goes to the add whose inputs contain that file (a
 * file given directly, or one found under a folder given); when no input matches (a path spelled through a
 * symlink) and only one add is running, it goes to that one. A partial result of {@code openkb/query} goes to
 * the question registered under its token. Registrations live in a concurrent map: adds start
 * on IDE threads, events arrive on the LSP4J listener thread.
 */
final class ProgressRouter {
    private record Registration(List<Path> inputs, AddProgress model, AddListener listener) {
    }

    private final Map<String, Registration> byToken = new ConcurrentHashMap<>();
    /** Partial results of {@code openkb/query}, by partial-result token: the answer's next piece of text. */
    private final Map<String, Consumer<String>> answerChunks = new ConcurrentHashMap<>();

    void register(String token, List<Path> inputs, AddProgress model, AddListener listener) {
        byToken.put(token, new Registration(List.copyOf(inputs), model, listener));
    }

    void unregister(String token) {
        byToken.remove(token);
    }

    void registerAnswer(String token, Consumer<String> onChunk) {
        answerChunks.put(token, onChunk);
    }

    void unregisterAnswer(String token) {
        answerChunks.remove(token);
    }

    void fileProgress(FileProgress event) {
        Optional<Path> file = Uris.toPath(event.uri());
        Registration target = null;
        if (file.isPresent()) {
            for (Registration r : byToken.values()) {
                if (r.inputs().stream().anyMatch(in -> file.get().startsWith(in))) {
                    target = r;
                    break;
                }
            }
        }
        if (target == null && byToken.size() == 1) {
            target = byToken.values().iterator().next();
        }
        if (target != null) {
            target.listener().fileProgress(event, target.model().accept(event));
        }
    }

    void workDone(ProgressParams params) {
        if (params.getToken() == null || params.getValue() == null) {
            return;
        }
        String token = params.getToken().isLeft() ? params.getToken().getLeft() : String.valueOf(params.getToken().getRight());
        Consumer<String> answer = answerChunks.get(token);
        if (answer != null) {
            answerChunk(params, answer);
            return;
        }
        Registration r = byToken.get(token);
        if (r == null) {
            return;
        }
        if (params.getValue().isLeft()) {
            WorkDoneProgressNotification n = params.getValue().getLeft();
            if (n instanceof WorkDoneProgressBegin b) {
                r.listener().workDone(b.getMessage() != null ? b.getMessage() : b.getTitle(), b.getPercentage());
            } else if (n instanceof WorkDoneProgressReport rep) {
                r.listener().workDone(rep.getMessage(), rep.getPercentage());
            } else if (n instanceof WorkDoneProgressEnd end) {
                r.listener().workDone(end.getMessage(), 100);
            }
        } else {
            // Some LSP4J versions leave an unrecognised value as raw JSON; read the common fields.
            Object raw = params.getValue().getRight();
            if (raw instanceof JsonObject o) {
                r.listener().workDone(string(o.get("message")), o.has("percentage") ? o.get("percentage").getAsInt() : null);
            }
        }
    }

    /** A partial result {@code {"chunk": "<text>"}}: LSP4J leaves it as raw JSON (it has no {@code kind}). */
    private static void answerChunk(ProgressParams params, Consumer<String> onChunk) {
        if (params.getValue().isRight() && params.getValue().getRight() instanceof JsonObject o
                && o.get("chunk") instanceof JsonPrimitive p && p.isString() && !p.getAsString().isEmpty()) {
            onChunk.accept(p.getAsString());
        }
    }

    private static String string(JsonElement e) {
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
