package dev.openkb.add;

import dev.openkb.engine.ProgressListener;

/**
 * Thins a download's byte counts out to the progress a person can read: the start, then one event
 * per whole percent when the length is known, or per MiB when it is not, and the end. A 100 MB body
 * read in 64 KiB chunks thus makes about a hundred events, not 1600. Confined to the thread that
 * streams the body (the batch coordinator).
 */
final class DownloadProgress {
    static final long STEP_UNKNOWN_LENGTH = 1024 * 1024;

    private final ProgressListener listener;
    private final String url;
    private long lastStep = -1;
    private long lastBytes = -1;
    private long lastLength = -1;

    DownloadProgress(ProgressListener listener, String url) {
        this.listener = listener;
        this.url = url;
    }

    /** {@code length} is the declared Content-Length, or -1. */
    void received(long bytes, long length) {
        long step = length > 0 ? bytes * 100 / length : bytes / STEP_UNKNOWN_LENGTH;
        if (step != lastStep) {
            lastStep = step;
            send(bytes, length);
        }
    }

    /**
     * The body is complete: always reported, and with the length now known (the bytes received), so
     * the last figure shown is the real size at 100%.
     */
    void finished(long bytes) {
        if (bytes != lastBytes || bytes != lastLength) { // the last chunk's 100% said it already
            send(bytes, bytes);
        }
    }

    private void send(long bytes, long length) {
        lastBytes = bytes;
        lastLength = length;
        listener.downloading(url, bytes, length);
    }
}
