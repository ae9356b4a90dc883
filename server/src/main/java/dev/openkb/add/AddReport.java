package dev.openkb.add;

import dev.openkb.engine.AddSummary;
import dev.openkb.engine.FileStatus;
import java.util.List;

/**
 * The outcome of one add batch: every scanned file in scan order with its status, what the scan
 * passed over, and why the batch stopped early (a failed rollback), if it did.
 */
public record AddReport(List<FileResult> files, List<ScanResult.Skipped> passedOver, String stoppedReason) {
    public AddReport {
        files = List.copyOf(files);
        passedOver = List.copyOf(passedOver);
    }

    public long count(FileStatus s) {
        return files.stream().filter(f -> f.status() == s).count();
    }

    public int added() { return (int) count(FileStatus.ADDED); }
    public int skipped() { return (int) count(FileStatus.SKIPPED); }
    public int failed() { return (int) count(FileStatus.FAILED); }
    public int cancelled() { return (int) count(FileStatus.CANCELLED); }

    /** The counts every face prints ({@link AddSummary#line()}), with what the scan passed over. */
    public AddSummary summary() {
        int unsupported = ScanResult.unsupported(passedOver);
        return new AddSummary(added(), skipped(), failed(), cancelled(), unsupported, passedOver.size() - unsupported);
    }
}
