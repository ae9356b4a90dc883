package dev.openkb.engine;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Folds one add's {@link ProgressListener} events into a {@link BatchProgress}: the one place that
 * decides how far an add is. Each face (CLI bar, LSP {@code $/progress}, hence VS Code and IntelliJ)
 * feeds its events here first and shows {@link #current()}; none computes a percentage of its own.
 *
 * <p>Every file counts by how far through its stages it is ({@link #weight}), so one long conversion
 * moves the bar before it ends; the percentage is the mean over the batch, floored, held at 99 until
 * every file is done and never going backwards (events of different files interleave, and a stage
 * event may arrive after its file's done event from another thread).
 *
 * <p>Thread-safety: events come from the engine's worker threads and the coordinator; every method
 * is synchronized on this, and the state it guards (the per-file weights, the counts, the latest
 * snapshot) is only touched under that lock. Time is read from {@code nanoTime} (tests drive it).
 */
public final class ProgressTracker implements ProgressListener {
    private final LongSupplier nanoTime;
    private double[] weights = new double[0];
    private double work;
    private long startedAt;
    private AddSummary counts = AddSummary.NONE;
    private BatchProgress current = BatchProgress.START;

    public ProgressTracker() {
        this(System::nanoTime);
    }

    public ProgressTracker(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * How far through its work a file in {@code stage} is, 0 to 1. Conversion (with the compiler's
     * analysis, on the workers) is the long part of most files, so reaching PREPARED counts most;
     * the serial commit (publish, index, compile) takes the last quarter.
     */
    public static double weight(FileStage stage) {
        return switch (stage) {
            case QUEUED -> 0;
            case HASHING -> 0.05;
            case CONVERTING -> 0.10;
            case PREPARED -> 0.70;
            case COMMITTING -> 0.75;
            case DONE -> 1;
        };
    }

    /** The latest state. */
    public synchronized BatchProgress current() {
        return current;
    }

    @Override
    public synchronized void scanPassedOver(int unsupported, int others) {
        counts = counts.withScan(unsupported, others);
        update(current.message());
    }

    @Override
    public synchronized void downloading(String url, long received, long length) {
        update("downloading " + VisibleText.escape(url) + ": " + bytes(received)
                + (length > 0 ? " of " + bytes(length) + " (" + Math.min(100, received * 100 / length) + "%)" : ""));
    }

    @Override
    public synchronized void batchStarted(int total) {
        weights = new double[Math.max(0, total)];
        work = 0;
        startedAt = nanoTime.getAsLong();
        update(total == 0 ? "no supported files found" : "adding " + total + " file(s)");
    }

    @Override
    public synchronized void fileStage(Path file, int index, int total, FileStage stage, String detail) {
        ensure(total);
        advance(index, weight(stage));
        update(index + "/" + total + " " + stage.wireName() + " " + name(file) + (detail == null ? "" : " (" + detail + ")"));
    }

    @Override
    public synchronized void fileDone(Path file, int index, int total, String docName, FileStatus status, String reason) {
        ensure(total);
        advance(index, 1);
        counts = counts.plus(status);
        update(index + "/" + total + " " + status.wireName() + " " + name(file));
    }

    @Override
    public synchronized void batchFinished(int added, int skipped, int failed, int cancelled) {
        counts = new AddSummary(added, skipped, failed, cancelled, counts.unsupported(), counts.passedOver());
        current = new BatchProgress(100, done(), weights.length, counts, "done: " + counts.line(), -1);
    }

    /** A listener that missed {@link #batchStarted} (a face joining late) still gets a percentage. */
    private void ensure(int total) {
        if (total > weights.length) {
            weights = java.util.Arrays.copyOf(weights, total);
        }
    }

    private void advance(int index, double w) {
        if (index < 1 || index > weights.length) {
            return; // not of this batch: the counts still take it, the percentage cannot
        }
        double before = weights[index - 1];
        if (w > before) {
            weights[index - 1] = w;
            work += w - before;
        }
    }

    private int done() {
        return counts.added() + counts.skipped() + counts.failed() + counts.cancelled();
    }

    private void update(String message) {
        int total = weights.length;
        int done = done();
        double fraction = total == 0 ? 0 : Math.min(1, work / total);
        int percent = total > 0 && done >= total ? 100 : Math.min(99, (int) Math.floor(fraction * 100 + 1e-9));
        percent = Math.max(current.percent(), percent);
        long eta = -1;
        if (done > 0 && done < total && fraction > 0) {
            double elapsed = (nanoTime.getAsLong() - startedAt) / 1e9;
            eta = Math.round(elapsed * (1 - fraction) / fraction);
        }
        current = new BatchProgress(percent, done, total, counts, message, eta);
    }

    private static String name(Path file) {
        Path n = file.getFileName();
        return VisibleText.escape(n == null ? file.toString() : n.toString());
    }

    /** "512 B", "64 KB", "1.2 MB". */
    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return n / 1024 + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024.0));
    }
}
