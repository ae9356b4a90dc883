package dev.openkb.cli;

import dev.openkb.engine.VisibleText;
import dev.openkb.engine.FileStage;
import dev.openkb.engine.FileStatus;
import dev.openkb.engine.ProgressListener;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Renders add progress for a terminal: on a TTY one self-rewriting bar line
 * ("[#####-----] 3/20 converting report.pdf"), otherwise plain lines per finished file, so logs
 * and pipes stay readable. Every finished file gets a line either way (OpenKB's [OK]/[SKIP]/[ERROR]
 * wording). File names, doc names and reasons are printed with their control characters escaped
 * ({@link VisibleText}); only the bar's own {@code \r} and erase-line sequences reach the terminal
 * raw. Thread-safe: events come from worker threads.
 */
final class CliProgress implements ProgressListener {
    private static final int WIDTH = 24;
    private final PrintWriter out;
    private final boolean tty;
    private int total;
    private int done;
    private boolean barShown;

    CliProgress(PrintWriter out, boolean tty) {
        this.out = out;
        this.tty = tty;
    }

    @Override
    public synchronized void batchStarted(int total) {
        this.total = total;
        out.println(total == 0 ? "No supported files found." : "Adding " + total + " file(s)...");
    }

    @Override
    public synchronized void fileStage(Path file, int index, int total, FileStage stage, String detail) {
        if (tty && stage != FileStage.QUEUED && stage != FileStage.HASHING) {
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
        if (tty && done < this.total) {
            bar("");
        }
    }

    @Override
    public synchronized void batchFinished(int added, int skipped, int failed, int cancelled) {
        clearBar();
        out.println(String.format("Done: %d added, %d skipped, %d failed, %d cancelled.", added, skipped, failed, cancelled));
    }

    @Override
    public synchronized void message(String text) {
        clearBar();
        out.println(VisibleText.escapeKeepingNewlines(text));
    }

    private void bar(String what) {
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        String line = "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + what;
        out.print("\r" + (line.length() > 100 ? line.substring(0, 100) : line) + "\033[K");
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
