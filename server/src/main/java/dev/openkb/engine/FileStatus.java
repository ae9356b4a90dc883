package dev.openkb.engine;

/** How one file of an add ended. Names are part of the LSP protocol and the CLI output. */
public enum FileStatus {
    ADDED, SKIPPED, FAILED, CANCELLED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
