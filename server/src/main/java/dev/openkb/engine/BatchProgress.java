package dev.openkb.engine;

/**
 * Where one add stands, as every face shows it: the same percentage, message and summary in the
 * CLI's bar, VS Code's notification and IntelliJ's indicator. Made by {@link ProgressTracker}.
 *
 * @param percent    0 to 100, never going backwards within a batch; 100 only once every file is done
 * @param done       files finished (any status)
 * @param total      files in the batch (0 before it starts, and while URLs download)
 * @param counts     how the finished files ended, with what the scan passed over
 * @param message    the latest event in words: "3/10 converting report.pdf", "3/10 added report.pdf",
 *                   "downloading https://…: 1.2 MB of 3.4 MB"
 * @param etaSeconds the time left, projected from the time taken so far per unit of work; -1 while
 *                   it cannot be said honestly (nothing finished yet, or everything finished)
 */
public record BatchProgress(int percent, int done, int total, AddSummary counts, String message, long etaSeconds) {
    public static final BatchProgress START = new BatchProgress(0, 0, 0, AddSummary.NONE, "starting", -1);

    /** The summary line of the files finished so far ("3 added, 1 skipped"). */
    public String summary() {
        return counts.line();
    }

    public boolean hasEta() {
        return etaSeconds >= 0;
    }

    /** "0:42", "1:02:03"; empty when there is no ETA. */
    public String etaText() {
        if (!hasEta()) {
            return "";
        }
        long s = etaSeconds;
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
