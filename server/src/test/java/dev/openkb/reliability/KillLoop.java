package dev.openkb.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Layer 4b, a seeded random {@code kill -9} loop: the CLI adds every file of a many-file scenario
 * with two prepare workers and is SIGKILLed after a random delay; one round in four the recovery
 * process that follows is SIGKILLed too. After each round a fresh process must get the flock, a
 * fresh {@code openkb recover} must succeed, and the KB must be in one of the prefix states (each
 * file committed in order, or not), every other invariant holding. The next round adds again
 * (files already in are skipped); once everything is in, the KB starts over. The seed fixes the
 * delays; where they land depends on the machine, so a failure keeps its KB as evidence.
 */
public final class KillLoop {
    public static final String LAYER = "kill-loop";

    private KillLoop() {
    }

    /** Runs until {@code kills} add processes were killed; every kill and every recovery kill is one trial. */
    public static LayerResult run(Workbench wb, Path work, long seed, int kills) throws IOException, InterruptedException {
        LayerResult r = new LayerResult(LAYER, "kills");
        Random rnd = new Random(seed);
        long cleanMillis = cleanRunMillis(wb, work);
        List<Map<String, String>> states = wb.crashStates();
        Path kb = wb.copy("kill-loop");
        int recoveryKills = 0;
        int completed = 0;
        int restarts = 0;
        int round = 1;
        for (int killed = 0; killed < kills; round++) {
            Integer rc = runAndMaybeKill(SyscallKillSweep.add(wb, kb), work.resolve("add.log"), rnd.nextInt((int) (cleanMillis * 6 / 5) + 1));
            if (rc == null) {
                killed++;
                r.tried();
            }
            if (rnd.nextInt(4) == 0 && runAndMaybeKill(Cli.openkb("recover", "--kb", kb.toString()), work.resolve("recover.log"),
                    rnd.nextInt(400)) == null) {
                r.tried();
                recoveryKills++;
            }
            if (rc != null) {
                completed++;
            }
            // An add that ran to its end reported success for every file: only the full state will do.
            Outcome o = rc == null ? Outcome.crash() : Outcome.reported(Reported.definite(wb.allUnits()));
            List<String> v = SyscallKillSweep.recoverAndCheck(wb, kb, o, work);
            if (rc != null && rc != 0) {
                v.add("the add ended with exit " + rc + " instead of adding every file");
            }
            Map<String, String> now = wb.manifests().of(kb);
            if (!v.isEmpty()) {
                String point = seed + ":" + round;
                r.diverged(new Divergence(LAYER, wb.scenario().name(), point, seed, v, Replay.command(LAYER, wb.scenario().name(), point, seed)
                        + " (timing-dependent; the KB is kept at " + kb + ")"));
                kb = wb.copy("kill-loop-" + round);
            } else if (now.equals(states.get(states.size() - 1))) {
                kb = wb.copy("kill-loop-restart-" + round); // everything is in: start over (a fresh name keeps any divergent KB)
                restarts++;
            }
        }
        r.note("seed " + seed + ": " + (round - 1) + " rounds, " + kills + " adds killed, " + recoveryKills + " recoveries killed, "
                + completed + " adds ran to their end, the KB completed and restarted " + restarts + " time(s); a clean add takes "
                + cleanMillis + " ms");
        return r;
    }

    /** Starts {@code cmd}; SIGKILLs it after {@code delayMillis} if still running. Its exit code, or null when it was killed. */
    private static Integer runAndMaybeKill(List<String> cmd, Path log, long delayMillis) throws IOException, InterruptedException {
        Process p = Cli.start(cmd, log);
        if (p.waitFor(delayMillis, TimeUnit.MILLISECONDS)) {
            return p.exitValue();
        }
        p.destroyForcibly(); // SIGKILL on Linux
        p.waitFor();
        return null;
    }

    private static long cleanRunMillis(Workbench wb, Path work) throws IOException, InterruptedException {
        Path kb = wb.copy("kill-loop-timing");
        long t0 = System.nanoTime();
        int rc = Cli.run(SyscallKillSweep.add(wb, kb), work.resolve("timing.log"), Duration.ofMinutes(5));
        if (rc != 0) {
            throw new IOException("the clean add for timing failed with exit " + rc);
        }
        Workbench.deleteTree(kb);
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
