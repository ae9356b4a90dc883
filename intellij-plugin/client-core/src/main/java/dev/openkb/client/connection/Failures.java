package dev.openkb.client.connection;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/** The sentence a user sees for a failed request. Stateless. */
public final class Failures {
    private Failures() {
    }

    /**
     * Whether the failure is the request being cancelled ({@code RequestCancelled} from the server, or a
     * cancelled future), rather than something going wrong.
     */
    public static boolean isCancellation(Throwable failure) {
        Throwable t = unwrap(failure);
        return t instanceof CancellationException || (t instanceof ResponseErrorException r && r.getResponseError() != null
                && r.getResponseError().getCode() == ResponseErrorCode.RequestCancelled.getValue());
    }

    /**
     * The server's own message for a JSON-RPC error (it names the file and the reason), the crash report for a
     * dead server, and a plain description for anything else.
     */
    public static String describe(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof ResponseErrorException r && r.getResponseError() != null) {
            return r.getResponseError().getMessage();
        }
        if (t instanceof ServerUnavailableException) {
            return t.getMessage();
        }
        if (t instanceof CancellationException) {
            return "Cancelled.";
        }
        if (t instanceof TimeoutException) {
            return "The OpenKB server did not answer in time.";
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
