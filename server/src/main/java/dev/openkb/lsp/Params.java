package dev.openkb.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Reads one request's params with the checks the protocol documents. Every problem is an
 * InvalidParams error naming the method and field ({@code "openkb/add: 'uris' must be ..."}), raised
 * before any work starts, so a bad request changes nothing. Unknown fields are ignored, as LSP does.
 * Immutable.
 */
final class Params {
    private final String method;
    private final JsonObject json;

    private Params(String method, JsonObject json) {
        this.method = method;
        this.json = json;
    }

    /** Absent or null params read as {@code {}}; anything else but an object is refused. */
    static Params of(String method, JsonElement params) {
        if (params == null || params.isJsonNull()) {
            return new Params(method, new JsonObject());
        }
        if (!params.isJsonObject()) {
            throw Errors.invalidParams(method + ": params must be a JSON object, got " + params);
        }
        return new Params(method, params.getAsJsonObject());
    }

    String method() {
        return method;
    }

    boolean has(String field) {
        JsonElement e = json.get(field);
        return e != null && !e.isJsonNull();
    }

    Optional<String> string(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonElement e = json.get(field);
        if (!isString(e)) {
            throw fail("'" + field + "' must be a string, got " + e);
        }
        return Optional.of(e.getAsString());
    }

    String requireString(String field) {
        return string(field).orElseThrow(() -> fail("'" + field + "' is required"));
    }

    /** A non-empty array of strings. */
    List<String> requireStrings(String field) {
        if (!has(field)) {
            throw fail("'" + field + "' is required (an array of URIs)");
        }
        JsonElement e = json.get(field);
        if (!e.isJsonArray() || e.getAsJsonArray().isEmpty()) {
            throw fail("'" + field + "' must be a non-empty array of URIs, got " + e);
        }
        JsonArray a = e.getAsJsonArray();
        List<String> out = new ArrayList<>(a.size());
        for (JsonElement item : a) {
            if (!isString(item)) {
                throw fail("'" + field + "' must hold only strings, got " + item);
            }
            out.add(item.getAsString());
        }
        return out;
    }

    Optional<Integer> integer(String field, int min, int max) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonElement e = json.get(field);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw fail("'" + field + "' must be an integer, got " + e);
        }
        double d = e.getAsDouble();
        if (d != Math.rint(d) || d < min || d > max) {
            throw fail("'" + field + "' must be an integer from " + min + " to " + max + ", got " + e);
        }
        return Optional.of((int) d);
    }

    boolean bool(String field, boolean defaultValue) {
        if (!has(field)) {
            return defaultValue;
        }
        JsonElement e = json.get(field);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw fail("'" + field + "' must be true or false, got " + e);
        }
        return e.getAsBoolean();
    }

    /** LSP's {@code workDoneToken}: a string or an integer, or absent. */
    Optional<Either<String, Integer>> workDoneToken() {
        return progressToken("workDoneToken");
    }

    /** LSP's {@code partialResultToken}: a string or an integer, or absent. */
    Optional<Either<String, Integer>> partialResultToken() {
        return progressToken("partialResultToken");
    }

    private Optional<Either<String, Integer>> progressToken(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonElement e = json.get(field);
        if (isString(e)) {
            return Optional.of(Either.forLeft(e.getAsString()));
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            double d = e.getAsDouble();
            if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
                return Optional.of(Either.forRight((int) d));
            }
        }
        throw fail("'" + field + "' must be a string or an integer, got " + e);
    }

    RuntimeException fail(String problem) {
        return Errors.invalidParams(method + ": " + problem);
    }

    private static boolean isString(JsonElement e) {
        return e.isJsonPrimitive() && ((JsonPrimitive) e).isString();
    }
}
