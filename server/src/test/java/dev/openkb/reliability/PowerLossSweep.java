package dev.openkb.reliability;

import dev.openkb.io.FileOps;
import dev.openkb.io.RealFileOps;
import dev.openkb.testing.FaultyFileOps;
import dev.openkb.testing.PowerLossFileOps;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Layer 2, power-loss simulation: the scenario runs over a {@link PowerLossFileOps}, crashes at
 * operation n (or completes: n one past the last operation, where the reported success must survive),
 * the power goes out — a seeded random share of the unsynced directory entries is lost and unforced
 * data torn — and a fresh engine recovers. Each (n, seed) is one power-loss state. Stateless.
 */
public final class PowerLossSweep {
    public static final String LAYER = "power-loss";

    private PowerLossSweep() {
    }

    /**
     * Every {@code stride}-th crash point (starting at {@code offset}), plus the point after
     * success, times {@code seeds} seeds derived from {@code masterSeed}. {@code engineFaults}
     * wraps what the engine sees over the power-loss layer (identity, or a deliberately broken
     * durability for the proof that this layer catches it).
     */
    public static LayerResult run(Workbench wb, int stride, int offset, int seeds, long masterSeed,
                                  UnaryOperator<FileOps> engineFaults) throws IOException {
        LayerResult r = new LayerResult(LAYER, "power-loss states");
        int last = wb.cleanOperations().size() + 1;
        List<Integer> points = new ArrayList<>();
        for (int n = 1 + offset % stride; n < last; n += stride) {
            points.add(n);
        }
        points.add(last);
        for (int n : points) {
            for (int k = 0; k < seeds; k++) {
                long seed = seed(masterSeed, n, k);
                r.tried();
                Trial t = trial(wb, n, seed, engineFaults, "pl-" + n + "-" + k);
                if (t.violations().isEmpty()) {
                    Workbench.deleteTree(t.kb());
                } else {
                    String name = wb.scenario().name();
                    List<String> v = new ArrayList<>(t.violations());
                    v.add("damage: " + t.damage());
                    r.diverged(new Divergence(LAYER, name, Integer.toString(n), seed, v, Replay.command(LAYER, name, Integer.toString(n), seed)));
                }
            }
        }
        return r;
    }

    /** One power-loss state: what it did to the disk and what the checker found. */
    public record Trial(Path kb, PowerLossFileOps.Damage damage, List<String> violations) {
    }

    public static Trial trial(Workbench wb, int n, long seed, UnaryOperator<FileOps> engineFaults, String name) throws IOException {
        Path kb = wb.copy(name);
        PowerLossFileOps disk = new PowerLossFileOps(new RealFileOps(), kb, kb.resolveSibling(name + ".hidden"));
        FaultyFileOps ops = new FaultyFileOps(engineFaults.apply(disk)).arm(n, null, FaultyFileOps.Mode.CRASH, null);
        Outcome o = wb.run(kb, ops);
        PowerLossFileOps.Damage damage = disk.powerLoss(new Random(seed));
        Workbench.deleteTree(kb.resolveSibling(name + ".hidden"));
        return new Trial(kb, damage, wb.recoverAndCheck(kb, o));
    }

    /** A per-trial seed from the master seed, the crash point and the repetition (SplitMix64 finalizer). */
    static long seed(long master, int n, int k) {
        long z = master + 0x9E3779B97F4A7C15L * (1 + n * 1_000_003L + k);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE | 1;
    }
}
