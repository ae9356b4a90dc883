package dev.openkb.remove;

/**
 * One step of a remove plan, as OpenKB prints it ({@code DELETE}, {@code MODIFY}, {@code REGISTRY},
 * {@code PAGEINDEX}). {@code path} is KB-relative (or the registry hash / doc id).
 */
public record PlannedAction(Kind kind, String path) {
    public enum Kind {
        DELETE, MODIFY, REGISTRY, PAGEINDEX;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
