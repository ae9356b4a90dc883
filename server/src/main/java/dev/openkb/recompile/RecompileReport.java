package dev.openkb.recompile;

import java.util.List;

/** What a recompile did (or, for a dry run, would do) per document. */
public record RecompileReport(List<Item> items, boolean dryRun) {
    public enum Status { RECOMPILED, SKIPPED, PLANNED, CANCELLED }

    /** @param kind "short" or "long"; {@code reason} is set for skipped documents */
    public record Item(String docName, String kind, Status status, String reason) {
    }

    public RecompileReport {
        items = List.copyOf(items);
    }

    public long count(Status s) {
        return items.stream().filter(i -> i.status() == s).count();
    }
}
