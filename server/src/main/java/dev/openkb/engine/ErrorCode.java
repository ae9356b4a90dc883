package dev.openkb.engine;

/**
 * Stable error codes. They appear in CLI messages, LSP error data and logs, so never renumber or
 * rename one; add new codes at the end of their group.
 */
public enum ErrorCode {
    /** No folder holding {@code .openkb/} at or above the given path. */
    KB_NOT_FOUND,
    /** {@code init} on a folder that already holds a KB. */
    KB_EXISTS,
    /** A path that resolves (directly or through a symlink) outside the KB root. */
    PATH_OUTSIDE_KB,
    /** A file or folder that the user named does not exist. */
    NOT_FOUND,
    /** A file type the converters do not support. */
    UNSUPPORTED_TYPE,
    /** The converter could not read the file (corrupt, encrypted, truncated, not text...). */
    CONVERSION_FAILED,
    /** The compiler failed (LLM error, bad answer, I/O). */
    COMPILE_FAILED,
    /** The long-document index failed. */
    INDEX_FAILED,
    /** The KB lock could not be taken, or an illegal lock transition (read to write upgrade). */
    LOCK_FAILED,
    /** A journal file that cannot be parsed; it was set aside. */
    CORRUPT_JOURNAL,
    /** A rollback failed; the journal stays for the next recovery. */
    DIRTY_ROLLBACK,
    /** A KB state file ({@code hashes.json}, {@code config.yaml}) that cannot be parsed. */
    CORRUPT_STATE,
    /** An I/O error (disk full, permission denied, read-only folder...). */
    IO_ERROR,
    /** The operation was cancelled by the user. */
    CANCELLED,
    /** Invalid arguments from a caller (CLI usage, LSP params). */
    INVALID_ARGUMENT,
    /** A document identifier that matches nothing, or more than one document. */
    UNKNOWN_DOCUMENT,
    /** The KB's LLM endpoint ({@code base_url}) has not been approved by the user for this KB ({@code openkb trust}). */
    ENDPOINT_NOT_APPROVED,
    /** A page rename onto a name another page of the same folder already has. */
    PAGE_EXISTS,
    /**
     * A model call for a query answer or the knowledge lint failed: HTTP error, timeout, a malformed
     * answer or tool call, an unknown tool, or no final answer within the turn limit.
     */
    LLM_FAILED,
    /** A URL could not be downloaded: unknown host, refused, an HTTP error, too large, too slow, a refused redirect. */
    DOWNLOAD_FAILED
}
