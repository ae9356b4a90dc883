package dev.openkb.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Lets a TCP connection through only if its first message is an {@code initialize} request whose
 * {@code initializationOptions.token} is the server's token (docs/protocol.md, "Starting the
 * server"). Any local user can connect to a loopback port; only one who can read the 0600 token
 * file can present it. The first message is read here, before LSP4J sees a byte, and replayed
 * unchanged when it passes; nothing is ever sent to a connection that fails. Immutable.
 */
final class TokenGate {
    /** An initialize request is small; a bigger first message is not a client of ours. */
    static final int MAX_FIRST_MESSAGE = 1 << 20;

    private final byte[] token;

    TokenGate(String token) {
        this.token = token.getBytes(StandardCharsets.US_ASCII);
    }

    /** The verdict on one connection: the stream to serve (first message replayed), or why it was refused. */
    record Admission(InputStream stream, String refusal) {
        boolean admitted() {
            return stream != null;
        }
    }

    /** Reads the first message from {@code in}; the caller bounds the wait with a socket timeout. */
    Admission admit(InputStream in) {
        Frame first;
        try {
            first = Frame.read(in, MAX_FIRST_MESSAGE);
        } catch (Frame.MalformedHeader e) {
            return refuse("the first message is not an LSP message: " + e.getMessage());
        } catch (IOException e) {
            return refuse("no first message (" + e.getMessage() + ")");
        }
        if (first == null) {
            return refuse("the connection closed before its first message");
        }
        String presented = presentedToken(first);
        if (presented == null) {
            return refuse("the first message is not an initialize request with initializationOptions.token");
        }
        if (!MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            return refuse("wrong token");
        }
        return new Admission(new SequenceInputStream(new ByteArrayInputStream(first.raw()), in), null);
    }

    private static Admission refuse(String why) {
        return new Admission(null, why);
    }

    private static String presentedToken(Frame f) {
        try {
            JsonElement json = JsonParser.parseString(f.text());
            if (!json.isJsonObject()) {
                return null;
            }
            JsonObject o = json.getAsJsonObject();
            if (!o.has("id") || !isString(o.get("method")) || !o.get("method").getAsString().equals("initialize")
                    || !(o.get("params") instanceof JsonObject params)
                    || !(params.get("initializationOptions") instanceof JsonObject options)
                    || !isString(options.get("token"))) {
                return null;
            }
            return options.get("token").getAsString();
        } catch (JsonParseException | IllegalStateException e) {
            return null;
        }
    }

    private static boolean isString(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }
}
