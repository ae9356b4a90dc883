package dev.openkb.add;

/**
 * @param jobs               prepare workers (at least 1)
 * @param buffer             prepared files allowed to wait for their commit beyond {@code jobs}
 * @param pageindexThreshold PDFs with at least this many pages are long documents
 * @param maxDownloadBytes   the size cap of one URL download ({@code max_download_mb})
 */
public record AddOptions(int jobs, int buffer, int pageindexThreshold, long maxDownloadBytes) {
    public static final long DEFAULT_MAX_DOWNLOAD_BYTES = 100L * 1024 * 1024;

    public AddOptions {
        jobs = Math.max(1, jobs);
        buffer = Math.max(0, buffer);
        maxDownloadBytes = Math.max(1, maxDownloadBytes);
    }

    public AddOptions(int jobs, int buffer, int pageindexThreshold) {
        this(jobs, buffer, pageindexThreshold, DEFAULT_MAX_DOWNLOAD_BYTES);
    }
}
