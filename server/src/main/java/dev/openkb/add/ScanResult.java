package dev.openkb.add;

import java.nio.file.Path;
import java.util.List;

/**
 * What the scan found: the files to add in order, and what it passed over with the reason (hidden
 * files, symlinks leaving the input folder, unsupported types inside folders).
 */
public record ScanResult(List<ScannedFile> files, List<Skipped> passedOver) {
    /** The reason given for a file in a folder whose type no converter reads (counted as "unsupported"). */
    public static final String UNSUPPORTED = "unsupported file type";

    public record Skipped(Path path, String reason) {
    }

    /** How many of {@link #passedOver} are of an unsupported type. */
    public int unsupported() {
        return unsupported(passedOver);
    }

    static int unsupported(List<Skipped> passedOver) {
        return (int) passedOver.stream().filter(s -> UNSUPPORTED.equals(s.reason())).count();
    }

    public ScanResult {
        files = List.copyOf(files);
        passedOver = List.copyOf(passedOver);
    }
}
