package dev.openkb.engine;

import java.nio.file.Path;

/**
 * The one progress port of the engine. The CLI renders it as a progress bar or plain lines, the LSP
 * server as {@code $/progress} and {@code openkb/fileProgress}. Events of one batch arrive in a
 * sensible order per file (queued, hashing, converting, prepared, committing..., done) but events of
 * different files interleave, and they may come from any engine thread: implementations must be
 * thread-safe and must not block for long.
 */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() { };

    /** A batch starts; {@code total} files were accepted by the scan. */
    default void batchStarted(int total) { }

    /**
     * One file moved to {@code stage}. {@code index} is 1-based in scan order. {@code detail} says
     * more about the stage (for COMMITTING: "publish", "index", "compile", "registry", "log"), or null.
     */
    default void fileStage(Path file, int index, int total, FileStage stage, String detail) { }

    /** One file ended. {@code docName} is null when no name was resolved; {@code reason} is null unless failed/skipped/cancelled. */
    default void fileDone(Path file, int index, int total, String docName, FileStatus status, String reason) { }

    /**
     * The scan passed over files before the batch: {@code unsupported} of a type no converter reads,
     * {@code others} for other reasons (hidden, special, a symlink leaving the folder). Sent once,
     * before {@link #batchStarted}.
     */
    default void scanPassedOver(int unsupported, int others) { }

    /**
     * A URL is downloading (before the batch starts): {@code received} bytes so far, of
     * {@code length} when the server said (Content-Length), else -1. Sent at the start, then at most
     * once per percent (or per MiB when the length is unknown), and once at the end with
     * {@code received == length}.
     */
    default void downloading(String url, long received, long length) { }

    /** The batch ended with these counts. */
    default void batchFinished(int added, int skipped, int failed, int cancelled) { }

    /** A free-form message for the user (recovery results, warnings). */
    default void message(String text) { }
}
