package dev.openkb.lsp;

import com.google.gson.JsonObject;
import dev.openkb.engine.KbException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Turns what went wrong into JSON-RPC errors: bad params are InvalidParams with a message naming
 * the method and field; engine errors keep their message and carry {@code {"code","path"}} as data
 * so clients can act on the stable {@link dev.openkb.engine.ErrorCode}; anything unexpected is an
 * InternalError whose stack trace goes to the log, not to the client. Stateless.
 */
final class Errors {
    private static final Logger LOG = Logger.getLogger(Errors.class.getName());
    /** What a client is told about a failure that is our bug; the details go to the server's log. */
    static final String INTERNAL_ERROR = "internal error in the OpenKB server; the details are in its log (stderr)";

    private Errors() {
    }

    static ResponseErrorException invalidParams(String message) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, message, null));
    }

    static ResponseErrorException invalidRequest(String message) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest, message, null));
    }

    /** The JSON-RPC error for any failure of a request's work. */
    static ResponseErrorException toResponse(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof ResponseErrorException r) {
            return r;
        }
        if (t instanceof KbException k) {
            return fromEngine(k);
        }
        if (t instanceof java.io.IOException io) {
            Path path = io instanceof FileSystemException f && f.getFile() != null ? Path.of(f.getFile()) : null;
            return fromEngine(new KbException(dev.openkb.engine.ErrorCode.IO_ERROR, path, ioReason(io), io));
        }
        if (t instanceof CancellationException) {
            return new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestCancelled, "cancelled", null));
        }
        LOG.log(Level.SEVERE, "request failed unexpectedly", t);
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.InternalError, INTERNAL_ERROR, null));
    }

    /**
     * LSP4J's exception handler: what a request that threw (or whose future failed) answers. LSP4J's
     * default puts the Java stack trace in {@code data}; this never does.
     */
    static ResponseError toClient(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException
                || t instanceof java.lang.reflect.InvocationTargetException) && t.getCause() != null) {
            t = t.getCause();
        }
        return withoutJavaInternals(toResponse(t).getResponseError());
    }

    /**
     * The error as a client may see it: {@code data} that is a Java exception or a stack trace is
     * dropped, and a message is cut at its first line (a trace never starts on the first line).
     * Engine data ({@code {"code","path"}}) passes unchanged.
     */
    static ResponseError withoutJavaInternals(ResponseError e) {
        Object data = e.getData();
        boolean trace = data instanceof Throwable || (data instanceof String s && s.contains("\tat "))
                || (data instanceof com.google.gson.JsonPrimitive p && p.isString() && p.getAsString().contains("\tat "));
        String message = e.getMessage();
        int newline = message == null ? -1 : message.indexOf("\n\tat ");
        if (!trace && newline < 0) {
            return e;
        }
        return new ResponseError(e.getCode(), newline < 0 ? message : message.substring(0, newline), trace ? null : data);
    }

    /** What went wrong in words, not as a Java exception name (the path travels separately). */
    static String ioReason(java.io.IOException io) {
        if (io instanceof FileSystemException f) {
            if (f.getReason() != null) {
                return f.getReason();
            }
            if (f instanceof AccessDeniedException) {
                return "permission denied";
            }
            if (f instanceof NoSuchFileException) {
                return "no such file or folder";
            }
            if (f instanceof FileAlreadyExistsException) {
                return "already exists";
            }
            if (f instanceof NotDirectoryException) {
                return "not a folder";
            }
            if (f instanceof DirectoryNotEmptyException) {
                return "the folder is not empty";
            }
        }
        return io.getMessage() != null ? io.getMessage() : "input/output error";
    }

    static ResponseErrorException fromEngine(KbException e) {
        ResponseErrorCode code = switch (e.code()) {
            case INVALID_ARGUMENT, NOT_FOUND, KB_NOT_FOUND, KB_EXISTS, PAGE_EXISTS, UNKNOWN_DOCUMENT, PATH_OUTSIDE_KB,
                    UNSUPPORTED_TYPE -> ResponseErrorCode.InvalidParams;
            case CANCELLED -> ResponseErrorCode.RequestCancelled;
            default -> ResponseErrorCode.RequestFailed;
        };
        JsonObject data = new JsonObject();
        data.addProperty("code", e.code().name());
        if (e.path() != null) {
            data.addProperty("path", e.path().toString());
        }
        return new ResponseErrorException(new ResponseError(code, e.getMessage(), data));
    }

    /** Runs a request handler; a failure while checking params becomes a failed future, not a throw. */
    static <T> CompletableFuture<T> guard(Supplier<CompletableFuture<T>> handler) {
        try {
            return handler.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(toResponse(e));
        }
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
