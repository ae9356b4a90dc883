package dev.openkb.reliability;

import dev.openkb.testing.FaultyFileOps;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Layer 1, in-JVM crash simulation (SQLite's "fail every operation after the first failure"): for
 * every operation index n of a scenario, crash there — that operation and every later one throw,
 * so no finally block can repair anything — then recover with a fresh engine and check the
 * invariants. The double-crash sweep also crashes the recovery of each crashed KB at every one of
 * its operations (or every {@code stride}-th), and recovers again. Stateless.
 */
public final class CrashSweep {
    public static final String SINGLE = "crash";
    public static final String DOUBLE = "double-crash";

    private CrashSweep() {
    }

    /** Crashes the scenario at every operation index until a run ends without reaching its crash point. */
    public static LayerResult single(Workbench wb, Substrate substrate) throws IOException {
        LayerResult r = new LayerResult(substrate.tag(SINGLE), "crash points");
        for (int n = 1; ; n++) {
            Path kb = wb.copy("crash-" + n);
            FaultyFileOps ops = new FaultyFileOps(substrate.ops()).arm(n, null, FaultyFileOps.Mode.CRASH, null);
            Outcome o = wb.run(kb, ops);
            r.tried();
            check(wb, r, substrate.tag(SINGLE), Integer.toString(n), kb, o);
            if (!o.crashed()) {
                return r;
            }
        }
    }

    /**
     * For each crash point n (every {@code outerStride}-th, starting at {@code offset}), crashes the
     * recovery at every {@code innerStride}-th of its operations, then recovers again.
     */
    public static LayerResult doubleCrash(Workbench wb, Substrate substrate, int outerStride, int innerStride, int offset)
            throws IOException {
        String layer = substrate.tag(DOUBLE);
        LayerResult r = new LayerResult(layer, "double-crash points");
        int points = wb.cleanOperations().size();
        for (int n = 1 + offset % outerStride; n <= points; n += outerStride) {
            Path crashed = wb.copy("crashed-" + n);
            Outcome o = wb.run(crashed, new FaultyFileOps(substrate.ops()).arm(n, null, FaultyFileOps.Mode.CRASH, null));
            int recoveryOps = recoveryOperations(wb, crashed);
            for (int m = 1; m <= recoveryOps; m += innerStride) {
                r.tried();
                Path kb = wb.copyOf(crashed, "double-" + n + "-" + m);
                wb.recoverOrCrash(kb, new FaultyFileOps(substrate.ops()).arm(m, null, FaultyFileOps.Mode.CRASH, null));
                check(wb, r, layer, n + ":" + m, kb, o);
            }
            Workbench.deleteTree(crashed);
        }
        return r;
    }

    /** Replays one point: "n" for a crash, "n:m" for a crash during the recovery of crash n. */
    public static List<String> replay(Workbench wb, String layer, String point) throws IOException {
        Substrate substrate = Substrate.ofLayer(layer);
        String[] nm = point.split(":");
        Path kb = wb.copy("replay");
        Outcome o = wb.run(kb, new FaultyFileOps(substrate.ops()).arm(Integer.parseInt(nm[0]), null, FaultyFileOps.Mode.CRASH, null));
        if (nm.length > 1) {
            wb.recoverOrCrash(kb, new FaultyFileOps(substrate.ops()).arm(Integer.parseInt(nm[1]), null, FaultyFileOps.Mode.CRASH, null));
        }
        return wb.recoverAndCheck(kb, o);
    }

    private static int recoveryOperations(Workbench wb, Path crashed) throws IOException {
        Path probe = wb.copyOf(crashed, "probe");
        FaultyFileOps recording = new FaultyFileOps();
        wb.recover(probe, recording);
        Workbench.deleteTree(probe);
        return recording.operations().size();
    }

    static void check(Workbench wb, LayerResult r, String layer, String point, Path kb, Outcome o) throws IOException {
        List<String> violations = wb.recoverAndCheck(kb, o);
        if (violations.isEmpty()) {
            Workbench.deleteTree(kb);
        } else {
            String name = wb.scenario().name();
            r.diverged(new Divergence(layer, name, point, 0, violations, Replay.command(layer, name, point, 0)));
        }
    }
}
