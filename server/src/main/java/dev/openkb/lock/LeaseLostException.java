package dev.openkb.lock;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A folder's lease could not be taken because a staging reaper claimed the folder while its lease
 * was being set up (it took the new lease file's lock between our open and our lock, judging the
 * folder abandoned). Nothing is lost but an empty folder: the owner starts over under a new name.
 */
public final class LeaseLostException extends IOException {
    public LeaseLostException(Path folder, String how) {
        super("staging folder " + folder + " was reclaimed while its lease was being taken (" + how + ")");
    }
}
