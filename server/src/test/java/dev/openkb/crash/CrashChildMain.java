package dev.openkb.crash;

import dev.openkb.engine.CancelToken;
import dev.openkb.kb.KbLayout;
import dev.openkb.service.OpenKb;
import dev.openkb.testing.FaultyFileOps;
import java.nio.file.Path;

/**
 * Child JVM for crash tests. {@code <kb> add|fail|recover <haltAt>}: runs the synthetic add (or a
 * failing one, or recovery) and halts the JVM — no shutdown hooks, no finally blocks — at file
 * operation number {@code haltAt} (0: never). Exit 0 when it ran to the end, 137 when it halted.
 */
public final class CrashChildMain {
    public static void main(String[] args) throws Exception {
        KbLayout layout = new KbLayout(Path.of(args[0]));
        int haltAt = Integer.parseInt(args[2]);
        FaultyFileOps ops = new FaultyFileOps();
        if (haltAt > 0) {
            ops.arm(haltAt, null, FaultyFileOps.Mode.HALT, null);
        }
        try (OpenKb engine = new OpenKb(ops, w -> { })) {
            switch (args[1]) {
                case "add" -> SyntheticAdd.run(engine.kb(layout), false);
                case "fail" -> SyntheticAdd.run(engine.kb(layout), true);
                case "recover" -> engine.kb(layout).recover(CancelToken.none());
                default -> throw new IllegalArgumentException(args[1]);
            }
        }
        System.exit(0);
    }
}
