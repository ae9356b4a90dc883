package dev.openkb.crash;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.FileStatus;
import dev.openkb.engine.ProgressListener;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbLayout;
import dev.openkb.service.OpenKb;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Child JVM: {@code <kb> <input folder> <jobs>} adds the folder with a fixed clock and prints
 * {@code ADDED <index>} as each file commits, so the parent can kill it at chosen moments.
 */
public final class BatchChildMain {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    public static void main(String[] args) throws Exception {
        ProgressListener printer = new ProgressListener() {
            @Override
            public synchronized void fileDone(Path file, int index, int total, String docName, FileStatus status, String reason) {
                System.out.println(status.name() + " " + index);
                System.out.flush();
            }
        };
        try (OpenKb engine = new OpenKb(new RealFileOps(), w -> { }, CLOCK)) {
            engine.kb(new KbLayout(Path.of(args[0]))).add(List.of(Path.of(args[1])), Integer.parseInt(args[2]), printer, CancelToken.none());
        }
        System.out.println("FINISHED");
    }
}
