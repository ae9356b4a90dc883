package dev.openkb.client.progress;

import dev.openkb.client.protocol.FileProgress;

/**
 * The progress line of one add, as the server computes it: its message and percentage (the same the CLI's
 * bar and VS Code show). Nothing is computed here but the guard that the bar never moves back should events
 * arrive out of order. Guarded by {@code this}: events arrive on the LSP4J listener thread and a UI may read
 * at any time.
 */
public final class AddProgress {
    private ProgressLine last = new ProgressLine("starting…", 0);
    private String summary = "0 added";

    /** Takes one event and returns the line to show now. */
    public synchronized ProgressLine accept(FileProgress event) {
        double fraction = Math.max(0, Math.min(100, event.percent())) / 100.0;
        String text = event.message() != null ? event.message() : last.text();
        last = new ProgressLine(text, Math.max(last.fraction(), fraction));
        if (event.summary() != null) {
            summary = event.summary();
        }
        return last;
    }

    public synchronized ProgressLine current() {
        return last;
    }

    /** The server's summary of the files finished so far ("2 added, 1 skipped"). */
    public synchronized String summary() {
        return summary;
    }
}
