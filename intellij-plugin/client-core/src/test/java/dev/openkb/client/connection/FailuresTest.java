package dev.openkb.client.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Test;

class FailuresTest {
    @Test
    void theServersOwnMessageIsShownForItsErrors() {
        ResponseErrorException e = new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams,
                "openkb/add: 'uris' is required (an array of URIs)", null));
        assertEquals("openkb/add: 'uris' is required (an array of URIs)",
                Failures.describe(new CompletionException(new ExecutionException(e))));
    }

    @Test
    void crashReportsCancellationAndTimeoutsReadPlainly() {
        assertEquals("gone", Failures.describe(new CompletionException(new ServerUnavailableException("gone"))));
        assertEquals("Cancelled.", Failures.describe(new CancellationException()));
        assertEquals("The OpenKB server did not answer in time.", Failures.describe(new TimeoutException()));
        assertEquals("IllegalStateException", Failures.describe(new IllegalStateException()));
    }

    @Test
    void cancellationIsTheServersRequestCancelledOrACancelledFuture() {
        assertTrue(Failures.isCancellation(new CompletionException(new ResponseErrorException(
                new ResponseError(ResponseErrorCode.RequestCancelled, "cancelled", null)))));
        assertTrue(Failures.isCancellation(new CancellationException()));
        assertFalse(Failures.isCancellation(new ResponseErrorException(new ResponseError(ResponseErrorCode.InternalError, "x", null))));
        assertFalse(Failures.isCancellation(new ServerUnavailableException("gone")));
    }

    @Test
    void aCrashReportEndsWithTheLastStderrLines() {
        String r = ServerConnection.crashReport(137, List.of("l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10"));
        assertEquals("The OpenKB server stopped unexpectedly (exit code 137). Its last output:\n"
                + "  l3\n  l4\n  l5\n  l6\n  l7\n  l8\n  l9\n  l10", r);
        assertEquals("The OpenKB server stopped unexpectedly (exit code 1). It wrote nothing to stderr.",
                ServerConnection.crashReport(1, List.of()));
    }
}
