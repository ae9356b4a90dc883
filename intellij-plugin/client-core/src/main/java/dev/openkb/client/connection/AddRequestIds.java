package dev.openkb.client.connection;

import dev.openkb.client.protocol.Requests.AddParams;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;

/**
 * Remembers the JSON-RPC id of each {@code openkb/add} request, by its work-done token. Cancelling an add must
 * send {@code $/cancelRequest} yet still wait for the answer (the server replies with the files it did and the
 * ones it cancelled); cancelling LSP4J's future would send the notification but drop that answer, so the client
 * sends the notification itself and needs the id, which LSP4J otherwise keeps to itself. Installed as a message
 * wrapper, it sees each outgoing request on the sending thread, before the request call returns.
 */
final class AddRequestIds implements Function<MessageConsumer, MessageConsumer> {
    static final String ADD_METHOD = "openkb/add";

    private final Map<String, Either<String, Number>> idByToken = new ConcurrentHashMap<>();

    @Override
    public MessageConsumer apply(MessageConsumer next) {
        return message -> {
            if (message instanceof RequestMessage r && ADD_METHOD.equals(r.getMethod())
                    && r.getParams() instanceof AddParams p && p.workDoneToken() != null) {
                idByToken.put(p.workDoneToken(), r.getRawId());
            }
            next.consume(message);
        };
    }

    Optional<Either<String, Number>> idOf(String token) {
        return Optional.ofNullable(idByToken.get(token));
    }

    void forget(String token) {
        idByToken.remove(token);
    }
}
