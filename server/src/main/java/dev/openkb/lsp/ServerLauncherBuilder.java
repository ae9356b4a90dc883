package dev.openkb.lsp;

import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;

/**
 * LSP4J's launcher with the server's protocol guards in place: incoming bytes are read by
 * {@link JsonRpcReader} (every broken request is answered), requests the server does not implement
 * answer MethodNotFound instead of LSP4J's "Internal error" with a stack trace, failures become
 * errors through {@link Errors#toClient}, and a last check on the way out drops any Java stack trace
 * from an error response, whoever made it.
 *
 * <p>Threading: used once, on the thread that creates the launcher. The fields are set by
 * {@code create()} in order (json handler, remote endpoint, message processor).
 */
final class ServerLauncherBuilder extends Launcher.Builder<OpenKbClient> {
    private MessageJsonHandler json;
    private RemoteEndpoint remote;
    private MessageConsumer toClient;

    ServerLauncherBuilder() {
        setExceptionHandler(Errors::toClient);
    }

    @Override
    protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler jsonHandler) {
        MessageConsumer out = wrapMessageConsumer(withoutStackTraces(new StreamMessageConsumer(output, jsonHandler)));
        Endpoint local = implementedOnly(ServiceEndpoints.toEndpoint(localServices));
        RemoteEndpoint r = new RemoteEndpoint(out, local, exceptionHandler);
        jsonHandler.setMethodProvider(r);
        r.setJsonHandler(jsonHandler);
        this.json = jsonHandler;
        this.remote = r;
        this.toClient = out;
        return r;
    }

    @Override
    protected ConcurrentMessageProcessor createMessageProcessor(MessageProducer lsp4jReader, MessageConsumer consumer,
            OpenKbClient remoteProxy) {
        return new ConcurrentMessageProcessor(new JsonRpcReader(input, json, toClient, remote), consumer);
    }

    /**
     * LSP4J's service interfaces have default methods that throw UnsupportedOperationException for
     * every request a server does not implement; to the client that is an unknown method.
     */
    private static Endpoint implementedOnly(Endpoint delegate) {
        return new Endpoint() {
            @Override
            public CompletableFuture<?> request(String method, Object parameter) {
                try {
                    return delegate.request(method, parameter);
                } catch (UnsupportedOperationException e) {
                    return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(
                            ResponseErrorCode.MethodNotFound, "the OpenKB server does not implement " + method, null)));
                } catch (IllegalArgumentException e) {
                    // Method.invoke refusing the arguments LSP4J read: params of the wrong type.
                    return CompletableFuture.failedFuture(Errors.invalidParams(method + ": the params do not fit the method ("
                            + JsonRpcReader.reason(e) + ")"));
                }
            }

            @Override
            public void notify(String method, Object parameter) {
                delegate.notify(method, parameter);
            }
        };
    }

    private static MessageConsumer withoutStackTraces(MessageConsumer out) {
        return (Message m) -> {
            if (m instanceof ResponseMessage r && r.getError() != null) {
                r.setError(Errors.withoutJavaInternals(r.getError()));
            }
            out.consume(m);
        };
    }
}
