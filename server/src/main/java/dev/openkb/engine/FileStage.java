package dev.openkb.engine;

/** The stages one file of an add passes through, in order. Names are part of the LSP protocol. */
public enum FileStage {
    QUEUED, HASHING, CONVERTING, PREPARED, COMMITTING, DONE;

    /** The lower-case wire name ("queued", "hashing"...). */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
