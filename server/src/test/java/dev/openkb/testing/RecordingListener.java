package dev.openkb.testing;

import dev.openkb.engine.FileStage;
import dev.openkb.engine.FileStatus;
import dev.openkb.engine.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Records progress events as readable strings ("3 converting a.md"), thread-safely. */
public final class RecordingListener implements ProgressListener {
    private final List<String> events = new ArrayList<>();

    @Override
    public synchronized void batchStarted(int total) {
        events.add("begin " + total);
    }

    @Override
    public synchronized void fileStage(Path file, int index, int total, FileStage stage, String detail) {
        events.add(index + " " + stage.wireName() + (detail == null ? "" : ":" + detail) + " " + file.getFileName());
    }

    @Override
    public synchronized void fileDone(Path file, int index, int total, String docName, FileStatus status, String reason) {
        events.add(index + " done " + status.wireName() + " " + file.getFileName());
    }

    @Override
    public synchronized void batchFinished(int added, int skipped, int failed, int cancelled) {
        events.add("end " + added + "/" + skipped + "/" + failed + "/" + cancelled);
    }

    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    /** The events of one file, in order. */
    public synchronized List<String> of(int index) {
        return events.stream().filter(e -> e.startsWith(index + " ")).toList();
    }
}
