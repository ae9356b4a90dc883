package dev.openkb.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.function.Function;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * JSON-RPC 2.0's rules for the shape of one incoming message, checked before LSP4J sees it (LSP4J
 * drops many malformed requests without an answer, and the client waits forever). Stateless.
 */
final class MessageShape {
    private MessageShape() {
    }

    /** What kind of message it is, and its id when it is a request with a readable id. */
    enum Kind { REQUEST, NOTIFICATION, RESPONSE }

    /**
     * The verdict: {@code error} is null when the message may go to LSP4J; otherwise the answer to
     * send (for a notification or response: nothing is sent, it is only logged).
     */
    record Verdict(Kind kind, Either<String, Number> id, String method, ResponseErrorCode error, String reason) {
        boolean ok() {
            return error == null;
        }
    }

    /**
     * Checks {@code json}; {@code methods} gives the server's signature of a method name (null when
     * unknown) so that by-position params can be checked against it.
     */
    static Verdict check(JsonElement json, Function<String, JsonRpcMethod> methods) {
        if (json.isJsonArray()) {
            return invalid(Kind.REQUEST, null, null, "batches (a JSON array of messages) are not supported by LSP");
        }
        if (!json.isJsonObject()) {
            return invalid(Kind.REQUEST, null, null, "a message must be a JSON object, got " + abbreviate(json));
        }
        JsonObject o = json.getAsJsonObject();
        JsonElement idJson = o.get("id");
        JsonElement methodJson = o.get("method");
        boolean hasId = o.has("id");
        Either<String, Number> id = hasId ? id(idJson) : null;
        boolean response = methodJson == null && (o.has("result") || o.has("error"));
        Kind kind = response ? Kind.RESPONSE : hasId ? Kind.REQUEST : Kind.NOTIFICATION;
        if (hasId && id == null) {
            return invalid(kind, null, null, "'id' must be a string or an integer, got " + abbreviate(idJson));
        }
        JsonElement version = o.get("jsonrpc");
        if (version != null && !(isString(version) && version.getAsString().equals("2.0"))) {
            return invalid(kind, id, null, "'jsonrpc' must be \"2.0\", got " + abbreviate(version));
        }
        if (response) {
            return new Verdict(kind, id, null, null, null);
        }
        if (methodJson == null || !isString(methodJson)) {
            return invalid(kind, id, null, methodJson == null
                    ? "a message needs a 'method' (request, notification) or a 'result' or 'error' (response)"
                    : "'method' must be a string, got " + abbreviate(methodJson));
        }
        String method = methodJson.getAsString();
        JsonElement params = o.get("params");
        if (params == null || params.isJsonNull() || params.isJsonObject()) {
            return new Verdict(kind, id, method, null, null);
        }
        if (!params.isJsonArray()) {
            return new Verdict(kind, id, method, ResponseErrorCode.InvalidParams,
                    method + ": params must be a JSON object, got " + abbreviate(params));
        }
        JsonRpcMethod signature = methods.apply(method);
        Type[] types = signature == null ? new Type[0] : signature.getParameterTypes();
        int size = params.getAsJsonArray().size();
        if (types.length == 1 && size != 1) {
            // By-position params of a one-parameter method: LSP4J unwraps [x]; anything else has no meaning.
            return new Verdict(kind, id, method, ResponseErrorCode.InvalidParams,
                    method + ": params must be a JSON object, got an array of " + size + " value(s)");
        }
        return new Verdict(kind, id, method, null, null);
    }

    private static Verdict invalid(Kind kind, Either<String, Number> id, String method, String reason) {
        return new Verdict(kind, id, method, ResponseErrorCode.InvalidRequest, reason);
    }

    /** A string, or an integer LSP4J can hold (it reads numeric ids as int); null otherwise. */
    private static Either<String, Number> id(JsonElement e) {
        if (isString(e)) {
            return Either.forLeft(e.getAsString());
        }
        if (e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            try {
                return Either.forRight(new BigDecimal(e.getAsString()).intValueExact());
            } catch (ArithmeticException | NumberFormatException notAnInt) {
                return null;
            }
        }
        return null;
    }

    private static boolean isString(JsonElement e) {
        return e instanceof JsonPrimitive p && p.isString();
    }

    static String abbreviate(JsonElement e) {
        String s = String.valueOf(e);
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
