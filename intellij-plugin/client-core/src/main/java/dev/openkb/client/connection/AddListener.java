package dev.openkb.client.connection;

import dev.openkb.client.progress.ProgressLine;
import dev.openkb.client.protocol.FileProgress;

/** Receives the progress of one add, on an LSP4J thread. */
public interface AddListener {
    /** A file moved to a new stage; {@code line} is the whole add's progress after it. */
    void fileProgress(FileProgress event, ProgressLine line);

    /** The standard {@code $/progress} message for this add (the server's own summary), when it sends one. */
    default void workDone(String message, Integer percentage) {
    }
}
