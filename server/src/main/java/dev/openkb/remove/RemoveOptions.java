package dev.openkb.remove;

/** {@code openkb remove} flags: {@code --dry-run}, {@code --keep-raw}, {@code --keep-empty}. */
public record RemoveOptions(boolean dryRun, boolean keepRaw, boolean keepEmpty) {
    public static RemoveOptions defaults() {
        return new RemoveOptions(false, false, false);
    }
}
