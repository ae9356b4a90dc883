package dev.openkb.add;

import java.nio.file.Path;
import java.util.List;

/**
 * What the scan found: the files to add in order, and what it passed over with the reason (hidden
 * files, symlinks leaving the input folder, unsupported types inside folders).
 */
public record ScanResult(List<ScannedFile> files, List<Skipped> passedOver) {
    public record Skipped(Path path, String reason) {
    }

    public ScanResult {
        files = List.copyOf(files);
        passedOver = List.copyOf(passedOver);
    }
}
