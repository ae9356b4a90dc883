package dev.openkb.cli;

import dev.openkb.engine.VisibleText;
import dev.openkb.engine.FileStage;
import dev.openkb.engine.FileStatus;
import dev.openkb.engine.ProgressListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * Renders add progress for a terminal: on a TTY one self-rewriting bar line
 * ("[#####-----] 3/20 ETA 0:42 converting report.pdf") cut to the terminal's width, otherwise
 * plain lines per finished file, so logs and pipes stay readable. Every finished file gets a line
 * either way (OpenKB's [OK]/[SKIP]/[ERROR] wording). The summary is not printed when the engine
 * finishes the batch but by {@link #summary}, after the caller has printed the files the scan passed
 * over, so every per-file line comes before it. File names, doc names and reasons are printed with
 * their control characters escaped ({@link VisibleText}); only the bar's own {@code \r} and
 * erase-line sequences reach the terminal raw.
 *
 * <p>Thread-safe: events come from worker threads; every method is synchronized on this.
 */
final class CliProgress implements ProgressListener {
    private static final int MAX_BAR = 24;
    private final PrintWriter out;
    private final Terminal terminal;
    private final LongSupplier nanoTime;
    private int total;
    private int done;
    private long startedAt;
    private boolean barShown;
    private int added;
    private int skipped;
    private int failed;
    private int cancelled;

    CliProgress(PrintWriter out, Terminal terminal) {
        this(out, terminal, System::nanoTime);
    }

    /** {@code nanoTime} is the clock the ETA is measured with (tests pass their own). */
    CliProgress(PrintWriter out, Terminal terminal, LongSupplier nanoTime) {
        this.out = out;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized void batchStarted(int total) {
        this.total = total;
        this.startedAt = nanoTime.getAsLong();
        out.println(total == 0 ? "No supported files found." : "Adding " + total + " file(s)...");
    }

    @Override
    public synchronized void fileStage(Path file, int index, int total, FileStage stage, String detail) {
        if (terminal.interactive() && stage != FileStage.QUEUED && stage != FileStage.HASHING) {
            bar(stage.wireName() + (detail == null ? "" : " (" + detail + ")") + " " + VisibleText.escape(file.getFileName().toString()));
        }
    }

    @Override
    public synchronized void fileDone(Path file, int index, int total, String docName, FileStatus status, String reason) {
        done++;
        clearBar();
        String tag = switch (status) {
            case ADDED -> "[OK]     ";
            case SKIPPED -> "[SKIP]   ";
            case FAILED -> "[ERROR]  ";
            case CANCELLED -> "[CANCEL] ";
        };
        out.println(String.format("[%d/%d] %s%s%s", index, total, tag, VisibleText.escape(file.getFileName().toString()),
                reason == null ? (docName == null ? "" : " → " + VisibleText.escape(docName)) : ": " + VisibleText.escape(reason)));
        if (terminal.interactive() && done < this.total) {
            bar("");
        }
    }

    @Override
    public synchronized void batchFinished(int added, int skipped, int failed, int cancelled) {
        clearBar();
        this.added = added;
        this.skipped = skipped;
        this.failed = failed;
        this.cancelled = cancelled;
    }

    /**
     * The closing line, with what the scan passed over in the totals: "Done: 9 added, 0 skipped,
     * 0 failed, 0 cancelled, 1 unsupported." ({@code unsupported}: files of a type OpenKB does not
     * read; {@code passedOver}: the rest the scan left out — hidden, special or outside files).
     */
    synchronized void summary(int unsupported, int passedOver) {
        clearBar();
        out.println(String.format("Done: %d added, %d skipped, %d failed, %d cancelled%s%s.", added, skipped, failed, cancelled,
                unsupported > 0 ? ", " + unsupported + " unsupported" : "", passedOver > 0 ? ", " + passedOver + " passed over" : ""));
    }

    @Override
    public synchronized void message(String text) {
        clearBar();
        out.println(VisibleText.escapeKeepingNewlines(text));
    }

    private void bar(String what) {
        // One column is kept free: a line that fills the last column wraps on some terminals, and
        // the \r would then redraw only its second half.
        int room = Math.max(terminal.columns() - 1, 20);
        int width = Math.min(MAX_BAR, Math.max(5, room / 4));
        int filled = total == 0 ? width : done * width / total;
        String line = "[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + done + "/" + total + eta() + " " + what;
        out.print("\r" + (line.length() > room ? line.substring(0, room) : line) + "\033[K");
        out.flush();
        barShown = true;
    }

    /** " ETA m:ss" from the mean time per finished file so far; nothing until one has finished. */
    private String eta() {
        if (done == 0 || done >= total) {
            return "";
        }
        long elapsed = nanoTime.getAsLong() - startedAt;
        long seconds = Math.round(elapsed / 1e9 / done * (total - done));
        return seconds >= 3600 ? String.format(" ETA %d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(" ETA %d:%02d", seconds / 60, seconds % 60);
    }

    private void clearBar() {
        if (barShown) {
            out.print("\r\033[K");
            barShown = false;
        }
    }
}
