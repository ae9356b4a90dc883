package dev.openkb.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The counts of one add and the one line every face prints for them: "9 added, 1 skipped,
 * 1 unsupported". The wording is fixed here so the CLI's {@code Done:} line, the LSP server's
 * progress end and result, VS Code and IntelliJ all say the same thing.
 *
 * <p>Order: added, skipped, failed, cancelled, unsupported, passed over. A zero count is left out,
 * except {@code added}, which is always there (so "0 added" still says what happened).
 * {@code unsupported} counts the files of a folder whose type no converter reads;
 * {@code passedOver} the rest the scan left out (hidden files, symlinks leaving the folder, special files).
 */
public record AddSummary(int added, int skipped, int failed, int cancelled, int unsupported, int passedOver) {
    public static final AddSummary NONE = new AddSummary(0, 0, 0, 0, 0, 0);

    /** "9 added, 1 skipped, 1 unsupported" (no trailing period: each face adds its own frame). */
    public String line() {
        List<String> parts = new ArrayList<>();
        parts.add(added + " added");
        part(parts, skipped, "skipped");
        part(parts, failed, "failed");
        part(parts, cancelled, "cancelled");
        part(parts, unsupported, "unsupported");
        part(parts, passedOver, "passed over");
        return String.join(", ", parts);
    }

    AddSummary withScan(int unsupported, int passedOver) {
        return new AddSummary(added, skipped, failed, cancelled, unsupported, passedOver);
    }

    AddSummary plus(FileStatus status) {
        return switch (status) {
            case ADDED -> new AddSummary(added + 1, skipped, failed, cancelled, unsupported, passedOver);
            case SKIPPED -> new AddSummary(added, skipped + 1, failed, cancelled, unsupported, passedOver);
            case FAILED -> new AddSummary(added, skipped, failed + 1, cancelled, unsupported, passedOver);
            case CANCELLED -> new AddSummary(added, skipped, failed, cancelled + 1, unsupported, passedOver);
        };
    }

    private static void part(List<String> parts, int n, String word) {
        if (n > 0) {
            parts.add(n + " " + word);
        }
    }
}
