package dev.openkb.reliability;

import dev.openkb.io.FileOps;
import dev.openkb.io.RealFileOps;
import dev.openkb.testing.Errno;
import dev.openkb.testing.FaultyFileOps;

/**
 * The file system a sweep runs on: the real one, or one that refuses every hard link and
 * cross-folder rename with EXDEV (a staging folder or backup on another mount), which sends the
 * engine down its copy fallbacks so those get crashed at every step too.
 */
public enum Substrate {
    REAL,
    EXDEV;

    public FileOps ops() {
        return this == REAL ? new RealFileOps() : new FaultyFileOps().arm(1, Errno.EXDEV, FaultyFileOps.Mode.FAIL_ALWAYS);
    }

    /** The layer name prefix used in reports and replay commands. */
    public String tag(String layer) {
        return this == REAL ? layer : layer + "-exdev";
    }

    public static Substrate ofLayer(String layer) {
        return layer.endsWith("-exdev") ? EXDEV : REAL;
    }
}
