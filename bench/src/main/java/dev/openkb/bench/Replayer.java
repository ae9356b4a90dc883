package dev.openkb.bench;

import dev.openkb.reliability.CrashSweep;
import dev.openkb.reliability.FaultSweep;
import dev.openkb.reliability.HostileInputSweep;
import dev.openkb.reliability.KillLoop;
import dev.openkb.reliability.LayerResult;
import dev.openkb.reliability.Manifests;
import dev.openkb.reliability.PowerLossSweep;
import dev.openkb.reliability.ProtocolLintRun;
import dev.openkb.reliability.Scenarios;
import dev.openkb.reliability.SyscallKillSweep;
import dev.openkb.reliability.Workbench;
import dev.openkb.testing.TmpfsDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code bin/torture replay LAYER SCENARIO POINT SEED}: runs one trial of the suite again and prints
 * what the checker found, keeping its KB for inspection. Points: {@code n} (crash), {@code n:m}
 * (double crash), {@code n} with a seed (power loss), {@code ERRNO:MODE:n} (fault),
 * {@code syscall:n} (syscall kill), {@code seed:round} (kill loop; timing-dependent). Stateless.
 */
final class Replayer {
    private Replayer() {
    }

    static int replay(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: bin/torture replay LAYER SCENARIO POINT SEED");
            return 2;
        }
        String layer = args[1];
        String scenario = args[2];
        String point = args[3];
        long seed = Long.parseLong(args[4]);
        Path work = layer.startsWith("syscall") || layer.startsWith("kill") || layer.startsWith("protocol")
                ? Files.createTempDirectory("replay-") : TmpfsDirs.create("replay-");
        List<String> violations = switch (layer) {
            case CrashSweep.SINGLE, CrashSweep.DOUBLE, "crash-exdev", "double-crash-exdev" ->
                    CrashSweep.replay(new Workbench(Scenarios.byName(scenario), work), layer, point);
            case PowerLossSweep.LAYER -> {
                PowerLossSweep.Trial t = PowerLossSweep.trial(new Workbench(Scenarios.byName(scenario), work),
                        Integer.parseInt(point), seed, UnaryOperator.identity(), "replay");
                System.out.println("damage: " + t.damage());
                yield t.violations();
            }
            case FaultSweep.LAYER -> FaultSweep.trial(new Workbench(Scenarios.byName(scenario), work), point).violations();
            case SyscallKillSweep.LAYER -> {
                String[] sn = point.split(":");
                yield SyscallKillSweep.trial(new Workbench(Scenarios.byName(scenario), work, Manifests.TIMELESS), work, sn[0],
                        Integer.parseInt(sn[1]));
            }
            case KillLoop.LAYER -> divergences(KillLoop.run(new Workbench(Scenarios.byName(scenario), work, Manifests.TIMELESS), work,
                    seed, Integer.parseInt(point.split(":")[1])));
            case ProtocolLintRun.LAYER -> divergences(ProtocolLintRun.asLayer(ProtocolLintRun.run(work)));
            case HostileInputSweep.LAYER -> divergences(HostileInputSweep.run(work));
            default -> throw new IllegalArgumentException("unknown layer " + layer);
        };
        System.out.println(violations.isEmpty() ? "sound: every invariant holds" : "DIVERGENT:\n  " + String.join("\n  ", violations));
        System.out.println("work folder: " + work);
        return violations.isEmpty() ? 0 : 1;
    }

    private static List<String> divergences(LayerResult r) {
        return r.divergences().stream().map(Object::toString).toList();
    }
}
