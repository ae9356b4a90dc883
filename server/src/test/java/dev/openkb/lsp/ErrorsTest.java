package dev.openkb.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonObject;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.AccessDeniedException;
import java.util.concurrent.CompletionException;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Test;

/** What a client is told about a failure: a code and words it can act on, never Java internals. */
class ErrorsTest {
    @Test
    void aFileSystemFailureIsAnIoErrorNamingThePathAndTheReasonInWords() {
        ResponseError e = Errors.toClient(new CompletionException(new AccessDeniedException("/kb/wiki/x.md")));
        assertEquals(ResponseErrorCode.RequestFailed.getValue(), e.getCode());
        assertEquals("IO_ERROR: /kb/wiki/x.md: permission denied", e.getMessage());
        JsonObject data = (JsonObject) e.getData();
        assertEquals("IO_ERROR", data.get("code").getAsString());
        assertEquals("/kb/wiki/x.md", data.get("path").getAsString());
    }

    @Test
    void anUnexpectedFailureIsAnInternalErrorWithoutItsTrace() {
        ResponseError e = Errors.toClient(new InvocationTargetException(new IllegalStateException("boom")));
        assertEquals(ResponseErrorCode.InternalError.getValue(), e.getCode());
        assertEquals(Errors.INTERNAL_ERROR, e.getMessage());
        assertNull(e.getData());
    }

    @Test
    void anErrorCarryingAJavaExceptionOrTraceLosesItOnTheWayOut() {
        ResponseError withThrowable = new ResponseError(ResponseErrorCode.ParseError, "Message could not be parsed.",
                new IllegalStateException("x"));
        assertNull(Errors.withoutJavaInternals(withThrowable).getData());
        ResponseError withTrace = new ResponseError(ResponseErrorCode.InternalError, "Internal error.\n\tat a.B.c(B.java:1)",
                "java.lang.IllegalStateException\n\tat a.B.c(B.java:1)\n");
        ResponseError clean = Errors.withoutJavaInternals(withTrace);
        assertEquals("Internal error.", clean.getMessage());
        assertNull(clean.getData());
        ResponseError passed = Errors.toClient(new ResponseErrorException(
                new ResponseError(ResponseErrorCode.InvalidParams, "openkb/add: 'uris' is required", null)));
        assertEquals("openkb/add: 'uris' is required", passed.getMessage(), "our own errors pass unchanged");
    }
}
