package dev.openkb.add;

/**
 * @param jobs               prepare workers (at least 1)
 * @param buffer             prepared files allowed to wait for their commit beyond {@code jobs}
 * @param pageindexThreshold PDFs with at least this many pages are long documents
 */
public record AddOptions(int jobs, int buffer, int pageindexThreshold) {
    public AddOptions {
        jobs = Math.max(1, jobs);
        buffer = Math.max(0, buffer);
    }
}
