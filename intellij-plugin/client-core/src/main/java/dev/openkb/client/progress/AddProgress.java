package dev.openkb.client.progress;

import dev.openkb.client.protocol.FileProgress;
import java.util.HashMap;
import java.util.Map;

/**
 * Folds the per-file events of one add into one progress line. Files are prepared concurrently, so events of
 * different files interleave; each file's weight only grows, which keeps the overall fraction monotonic.
 * Guarded by {@code this}: events arrive on the LSP4J listener thread and a UI may read at any time.
 */
public final class AddProgress {
    private final Map<String, Double> weightByUri = new HashMap<>();
    private double work;
    private ProgressLine last = new ProgressLine("starting…", 0);

    /** Takes one event and returns the line to show now. */
    public synchronized ProgressLine accept(FileProgress event) {
        double weight = ProgressFormat.stageWeight(event.stage());
        Double before = weightByUri.get(event.uri());
        if (before == null || weight > before) {
            work += weight - (before == null ? 0 : before);
            weightByUri.put(event.uri(), weight);
        }
        ProgressLine line = ProgressFormat.line(event, work);
        last = new ProgressLine(line.text(), Math.max(last.fraction(), line.fraction()));
        return last;
    }

    public synchronized ProgressLine current() {
        return last;
    }
}
