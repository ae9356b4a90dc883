package dev.openkb.bench;

import dev.openkb.reliability.Cli;
import dev.openkb.reliability.CrashSweep;
import dev.openkb.reliability.FaultSweep;
import dev.openkb.reliability.HostileInputSweep;
import dev.openkb.reliability.KillLoop;
import dev.openkb.reliability.LayerResult;
import dev.openkb.reliability.Manifests;
import dev.openkb.reliability.PowerLossSweep;
import dev.openkb.reliability.ProtocolLintRun;
import dev.openkb.reliability.Samples;
import dev.openkb.reliability.Scenario;
import dev.openkb.reliability.Scenarios;
import dev.openkb.reliability.Substrate;
import dev.openkb.reliability.SyscallKillSweep;
import dev.openkb.reliability.Workbench;
import dev.openkb.testing.Errno;
import dev.openkb.testing.SkippedSyncFileOps;
import dev.openkb.testing.TmpfsDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The full crash and fault torture run (OpenKB issue 9): every layer of the reliability suite at
 * full size — every crash point and double-crash point of every scenario, every crash point times
 * many power-loss seeds, every fault at every operation, every syscall kill point of a 3-document
 * add, a long seeded kill loop, the protocol lint, the hostile inputs — then docs/reliability.md.
 *
 * <pre>
 * bin/torture [--seed S] [--seeds K] [--kills N]     the full run (about half an hour on 2 cores)
 * bin/torture replay LAYER SCENARIO POINT SEED       one trial, with what it found
 * </pre>
 *
 * Threading: one thread, the caller's.
 */
public final class Torture {
    private final long seed;
    private final int seeds;
    private final int kills;
    private final Path root;
    private final List<ReliabilityReport.Section> sections = new ArrayList<>();

    private Torture(long seed, int seeds, int kills) {
        this.seed = seed;
        this.seeds = seeds;
        this.kills = kills;
        this.root = Samples.dir().getParent().getParent();
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("replay")) {
            System.exit(Replayer.replay(args));
        }
        long seed = 20261125L;
        int seeds = 10;
        int kills = 40;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--seeds" -> seeds = Integer.parseInt(args[i + 1]);
                case "--kills" -> kills = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        int divergent = new Torture(seed, seeds, kills).runAll();
        System.exit(divergent == 0 ? 0 : 1);
    }

    private int runAll() throws Exception {
        long t0 = System.nanoTime();
        Path ram = TmpfsDirs.create("torture-");
        Path disk = Files.createTempDirectory("torture-");
        inJvmLayers(ram);
        realProcessLayers(disk);
        layer("Hostile inputs", () -> List.of(HostileInputSweep.run(ram.resolve("hostile"))));
        long minutes = Math.round((System.nanoTime() - t0) / 60e9);
        Path out = root.resolve("docs/reliability.md");
        new ReliabilityReport(seed, seeds, minutes, sections, Coverage.read(root)).write(out);
        System.out.println("wrote " + out);
        return sections.stream().mapToInt(ReliabilityReport.Section::divergent).sum();
    }

    private void inJvmLayers(Path ram) throws Exception {
        layer("In-JVM crash at every operation", () -> perScenario(ram, "crash", (wb, s) -> {
            LayerResult r = CrashSweep.single(wb, Substrate.REAL);
            r.addAll(CrashSweep.single(wb, Substrate.EXDEV));
            return r;
        }));
        layer("Crash during recovery (double crash)", () -> perScenario(ram, "double", (wb, s) -> CrashSweep.doubleCrash(wb, Substrate.REAL, 1, 1, 0)));
        layer("Power loss", () -> perScenario(ram, "power", (wb, s) -> PowerLossSweep.run(wb, 1, 0, seeds, seed, UnaryOperator.identity())));
        mustDiverge("Power loss over a deliberately broken engine (must diverge)", () -> List.of(
                brokenDurability(ram, Scenarios.remove(), SkippedSyncFileOps.Skip.DIRECTORY_SYNC),
                brokenDurability(ram, Scenarios.byName("add-1"), SkippedSyncFileOps.Skip.FILE_SYNC)));
        layer("Injected errors", () -> perScenario(ram, "fault", (wb, s) -> FaultSweep.run(wb, List.of(Errno.values()), 1)));
    }

    private LayerResult brokenDurability(Path ram, Scenario s, SkippedSyncFileOps.Skip skip) throws IOException {
        Workbench wb = new Workbench(s, ram.resolve("broken-" + skip));
        LayerResult r = PowerLossSweep.run(wb, 1, 0, 2, seed, ops -> new SkippedSyncFileOps(ops, skip));
        r.note(s.name() + " with every " + (skip == SkippedSyncFileOps.Skip.DIRECTORY_SYNC ? "directory" : "file") + " sync skipped: "
                + r.sentence() + (r.divergences().isEmpty() ? " — the layer MISSED the broken durability" : " — caught"));
        Workbench.deleteTree(ram.resolve("broken-" + skip));
        return r;
    }

    private void realProcessLayers(Path disk) throws Exception {
        String why = Cli.unavailable();
        if (why != null) {
            sections.add(ReliabilityReport.Section.skipped("Real process death", why));
            sections.add(ReliabilityReport.Section.skipped("Protocol lint", why));
            return;
        }
        layer("Real process death", () -> {
            Workbench add3 = new Workbench(Scenarios.byName("add-3"), disk.resolve("syscall"), Manifests.TIMELESS);
            LayerResult syscalls = SyscallKillSweep.run(add3, disk.resolve("syscall"), 1, 0);
            LayerResult loop = null;
            for (long s = 1; s <= 3; s++) {
                Workbench add20 = new Workbench(Scenarios.notes(20), disk.resolve("loop-" + s), Manifests.TIMELESS);
                LayerResult one = KillLoop.run(add20, disk.resolve("loop-" + s), seed + s, kills);
                if (loop == null) {
                    loop = one;
                } else {
                    loop.addAll(one);
                }
            }
            return List.of(syscalls, loop);
        });
        layer("Protocol lint", () -> List.of(ProtocolLintRun.asLayer(ProtocolLintRun.run(disk.resolve("lint")))));
    }

    @FunctionalInterface
    private interface Layer {
        List<LayerResult> run() throws Exception;
    }

    @FunctionalInterface
    private interface Sweep {
        LayerResult run(Workbench wb, Scenario s) throws Exception;
    }

    /** Runs one layer, timing it, and prints its sentences as it goes (a full run is long). */
    private void layer(String title, Layer layer) throws Exception {
        run(title, layer, false);
    }

    /** A layer that proves the suite has teeth: every one of its results must find divergences. */
    private void mustDiverge(String title, Layer layer) throws Exception {
        run(title, layer, true);
    }

    private void run(String title, Layer layer, boolean mustDiverge) throws Exception {
        long t0 = System.nanoTime();
        System.out.println("== " + title);
        List<LayerResult> results = layer.run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        results.forEach(r -> System.out.println("   " + r.sentence()));
        sections.add(new ReliabilityReport.Section(title, results, seconds, null, mustDiverge));
    }

    /** One result per scenario for a sweep, each scenario in its own work folder (removed afterwards). */
    private static List<LayerResult> perScenario(Path ram, String name, Sweep sweep) throws Exception {
        List<LayerResult> out = new ArrayList<>();
        for (Scenario s : Scenarios.all()) {
            Path work = ram.resolve(name);
            LayerResult r = sweep.run(new Workbench(s, work), s);
            r.note(s.name() + ": " + r.sentence());
            System.out.println("   " + s.name() + ": " + r.sentence());
            out.add(r);
            if (r.divergences().isEmpty()) {
                Workbench.deleteTree(work.resolve(s.name()));
            }
        }
        return out;
    }
}
