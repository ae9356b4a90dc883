package dev.openkb.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.JsonRpcException;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueException;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * Reads the client's messages in place of LSP4J's {@code StreamMessageProducer}, so that every
 * request gets exactly one answer as JSON-RPC 2.0 says: a message that is not JSON is answered
 * with ParseError (id null), a request of the wrong shape with InvalidRequest, params of the wrong
 * shape with InvalidParams naming the method. Well-formed messages are parsed by LSP4J's own
 * {@link MessageJsonHandler} and go on unchanged. Notifications and responses are never answered;
 * what is wrong with them is logged.
 *
 * <p>Threading: {@link #listen} runs on LSP4J's reader thread (one); {@link #close} from any thread.
 */
final class JsonRpcReader implements MessageProducer, Closeable {
    private static final Logger LOG = Logger.getLogger(JsonRpcReader.class.getName());
    private static final TypeAdapter<JsonElement> JSON = new com.google.gson.Gson().getAdapter(JsonElement.class);

    private final InputStream in;
    private final MessageJsonHandler handler;
    private final MessageConsumer replies;
    private final MessageIssueHandler issues;
    private volatile boolean running;

    /**
     * @param replies where answers to broken requests go: the same consumer LSP4J writes its
     *                responses to, so messages never interleave on the stream
     * @param issues  LSP4J's handling of responses that cannot be read (fails the pending request)
     */
    JsonRpcReader(InputStream in, MessageJsonHandler handler, MessageConsumer replies, MessageIssueHandler issues) {
        // Headers are read a byte at a time; unbuffered, that is a system call per byte on a socket.
        this.in = new java.io.BufferedInputStream(in);
        this.handler = handler;
        this.replies = replies;
        this.issues = issues;
    }

    @Override
    public void listen(MessageConsumer callback) {
        running = true;
        try {
            while (running) {
                Frame frame;
                try {
                    frame = Frame.read(in);
                } catch (Frame.MalformedHeader e) {
                    reply(null, ResponseErrorCode.ParseError, "Parse error: " + e.getMessage());
                    continue;
                }
                if (frame == null) {
                    return;
                }
                handle(frame, callback);
            }
        } catch (IOException e) {
            if (running && !JsonRpcException.indicatesStreamClosed(e)) {
                throw new JsonRpcException(e);
            }
        } finally {
            running = false;
        }
    }

    private void handle(Frame frame, MessageConsumer callback) {
        String text = frame.text();
        JsonElement json;
        try {
            json = parseStrictly(text);
        } catch (IOException | JsonParseException | IllegalStateException e) {
            reply(null, ResponseErrorCode.ParseError, "Parse error: the message is not valid JSON (" + reason(e) + ")");
            return;
        }
        MessageShape.Verdict v = MessageShape.check(json, handler::getJsonRpcMethod);
        if (!v.ok()) {
            refuse(v, v.error(), v.reason());
            return;
        }
        Message message;
        try {
            message = handler.parseMessage(text);
        } catch (MessageIssueException e) {
            if (v.kind() == MessageShape.Kind.RESPONSE) {
                issues.handle(e.getRpcMessage(), e.getIssues());
            } else {
                refuse(v, ResponseErrorCode.InvalidParams, v.method() + ": the params do not fit the method ("
                        + describe(e.getIssues()) + ")");
            }
            return;
        } catch (RuntimeException e) {
            // The shape was right, so what LSP4J could not read is the params (or a response's result).
            refuse(v, ResponseErrorCode.InvalidParams, v.method() + ": the params do not fit the method (" + reason(e) + ")");
            return;
        }
        try {
            callback.consume(message);
        } catch (RuntimeException e) {
            // Keep reading: one failed message must not end the connection (LSP4J does the same).
            LOG.log(Level.SEVERE, "handling a message failed", e);
            if (message instanceof RequestMessage r) {
                reply(r.getRawId(), ResponseErrorCode.InternalError, Errors.INTERNAL_ERROR);
            }
        }
    }

    /** Gson as JSON-RPC needs it: strict (no comments, no bare words), one value, nothing after it. */
    private static JsonElement parseStrictly(String text) throws IOException {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        JsonElement json = JSON.read(reader);
        if (reader.peek() != JsonToken.END_DOCUMENT) {
            throw new JsonParseException("text after the JSON value");
        }
        return json;
    }

    private void refuse(MessageShape.Verdict v, ResponseErrorCode code, String reason) {
        if (v.kind() == MessageShape.Kind.REQUEST) {
            reply(v.id(), code, reason);
        } else {
            LOG.warning("ignored a malformed " + v.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + (v.method() != null ? " '" + v.method() + "'" : "") + ": " + reason);
        }
    }

    private void reply(Either<String, Number> id, ResponseErrorCode code, String message) {
        ResponseMessage r = new ResponseMessage();
        r.setJsonrpc("2.0");
        r.setRawId(id);
        r.setError(new ResponseError(code, message, null));
        try {
            replies.consume(r);
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, "cannot answer a malformed message: the stream is closed", e);
        }
    }

    private static String describe(List<MessageIssue> list) {
        StringBuilder b = new StringBuilder();
        for (MessageIssue i : list) {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(i.getCause() != null ? reason(i.getCause()) : i.getText());
        }
        return b.toString();
    }

    /** A cause's message without the Java exception names Gson puts in front of it. */
    static String reason(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() != null ? root.getMessage() : t.getMessage();
        if (m == null) {
            return "unreadable";
        }
        m = m.replaceAll("(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ?", "");
        int newline = m.indexOf('\n');
        m = newline >= 0 ? m.substring(0, newline) : m;
        // Gson appends a link to its troubleshooting page; it means nothing to an LSP client.
        m = m.replaceAll(" ?See https://github\\.com/google/gson/\\S*", "");
        return m.length() <= 200 ? m : m.substring(0, 197) + "...";
    }

    @Override
    public void close() {
        running = false;
    }
}
