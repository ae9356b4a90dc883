package dev.openkb.cli;

import dev.openkb.engine.AddSummary;
import dev.openkb.engine.BatchProgress;
import dev.openkb.engine.VisibleText;
import dev.openkb.engine.FileStage;
import dev.openkb.engine.FileStatus;
import dev.openkb.engine.ProgressListener;
import dev.openkb.engine.ProgressTracker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * Renders add progress for a terminal: on a TTY one self-rewriting bar line
 * ("[#####-----] 3/20 40% ETA 0:42 3/20 converting report.pdf") cut to the terminal's width, otherwise
 * plain lines per finished file (and the start and end of each download), so logs and pipes stay
 * readable. The percentage, ETA, message and summary are the engine's ({@link ProgressTracker}), the
 * same the editors show. Every finished file gets a line either way (OpenKB's [OK]/[SKIP]/[ERROR]
 * wording). The summary is not printed when the engine finishes the batch but by {@link #summary},
 * after the caller has printed the files the scan passed over, so every per-file line comes before
 * it. File names, doc names and reasons are printed with their control characters escaped
 * ({@link VisibleText}); only the bar's own {@code \r} and erase-line sequences reach the terminal raw.
 *
 * <p>Thread-safe: events come from worker threads; every method is synchronized on this.
 */
final class CliProgress implements ProgressListener {
    private static final int MAX_BAR = 24;
    private final PrintWriter out;
    private final Terminal terminal;
    private final ProgressTracker tracker;
    private boolean barShown;

    CliProgress(PrintWriter out, Terminal terminal) {
        this(out, terminal, System::nanoTime);
    }

    /** {@code nanoTime} is the clock the ETA is measured with (tests pass their own). */
    CliProgress(PrintWriter out, Terminal terminal, LongSupplier nanoTime) {
        this.out = out;
        this.terminal = terminal;
        this.tracker = new ProgressTracker(nanoTime);
    }

    @Override
    public synchronized void scanPassedOver(int unsupported, int others) {
        tracker.scanPassedOver(unsupported, others);
    }

    @Override
    public synchronized void downloading(String url, long received, long length) {
        tracker.downloading(url, received, length);
        if (terminal.interactive()) {
            bar();
        } else if (received == 0 || (length > 0 && received == length)) {
            // Piped: the start and the end (the engine reports the end with length = bytes received).
            out.println(tracker.current().message());
        }
    }

    @Override
    public synchronized void batchStarted(int total) {
        clearBar();
        tracker.batchStarted(total);
        out.println(total == 0 ? "No supported files found." : "Adding " + total + " file(s)...");
    }

    @Override
    public synchronized void fileStage(Path file, int index, int total, FileStage stage, String detail) {
        tracker.fileStage(file, index, total, stage, detail);
        if (terminal.interactive() && stage != FileStage.QUEUED && stage != FileStage.HASHING) {
            bar();
        }
    }

    @Override
    public synchronized void fileDone(Path file, int index, int total, String docName, FileStatus status, String reason) {
        tracker.fileDone(file, index, total, docName, status, reason);
        clearBar();
        String tag = switch (status) {
            case ADDED -> "[OK]     ";
            case SKIPPED -> "[SKIP]   ";
            case FAILED -> "[ERROR]  ";
            case CANCELLED -> "[CANCEL] ";
        };
        out.println(String.format("[%d/%d] %s%s%s", index, total, tag, VisibleText.escape(file.getFileName().toString()),
                reason == null ? (docName == null ? "" : " → " + VisibleText.escape(docName)) : ": " + VisibleText.escape(reason)));
        BatchProgress p = tracker.current();
        if (terminal.interactive() && p.done() < p.total()) {
            bar();
        }
    }

    @Override
    public synchronized void batchFinished(int added, int skipped, int failed, int cancelled) {
        clearBar();
        tracker.batchFinished(added, skipped, failed, cancelled);
    }

    /** What the engine's tracker says now (for the caller and tests). */
    synchronized BatchProgress current() {
        return tracker.current();
    }

    /**
     * The closing line: "Done: " and the summary every face prints ({@link AddSummary#line()}), e.g.
     * "Done: 9 added, 1 unsupported." The caller passes the report's summary, which counts what the
     * scan passed over.
     */
    synchronized void summary(AddSummary summary) {
        clearBar();
        out.println("Done: " + summary.line() + ".");
    }

    @Override
    public synchronized void message(String text) {
        clearBar();
        out.println(VisibleText.escapeKeepingNewlines(text));
    }

    private void bar() {
        BatchProgress p = tracker.current();
        // One column is kept free: a line that fills the last column wraps on some terminals, and
        // the \r would then redraw only its second half.
        int room = Math.max(terminal.columns() - 1, 20);
        int width = Math.min(MAX_BAR, Math.max(5, room / 4));
        int filled = p.percent() * width / 100;
        String line = "[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + p.percent() + "%"
                + (p.hasEta() ? " ETA " + p.etaText() : "") + " " + p.message();
        out.print("\r" + (line.length() > room ? line.substring(0, room) : line) + "\033[K");
        out.flush();
        barShown = true;
    }

    private void clearBar() {
        if (barShown) {
            out.print("\r\033[K");
            barShown = false;
        }
    }
}
