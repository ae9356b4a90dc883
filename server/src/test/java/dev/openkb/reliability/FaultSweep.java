package dev.openkb.reliability;

import dev.openkb.io.RealFileOps;
import dev.openkb.journal.Recovery;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.PythonJson;
import dev.openkb.testing.Errno;
import dev.openkb.testing.FaultyFileOps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Layer 3, injected errors: ENOSPC, EIO, EXDEV, EACCES and EMLINK at every operation that can
 * really fail with them, once and persistently (SQLite's two I/O-error modes). After each run:
 * the visible KB is exactly what the outcome reported (before, or after for reported success) —
 * unless the engine said its rollback failed and left the journal for recovery; a fault on a sync
 * was never followed by a reported success; and after recovery on a healthy disk every invariant
 * holds. Stateless.
 */
public final class FaultSweep {
    public static final String LAYER = "fault";

    private FaultSweep() {
    }

    /**
     * Every errno, once and persistently, at every {@code stride}-th operation it applies to; the
     * starting operation shifts with the errno and the mode, so a stride still reaches every index.
     */
    public static LayerResult run(Workbench wb, List<Errno> errnos, int stride) throws IOException {
        LayerResult r = new LayerResult(LAYER, "fault cases");
        int shift = 0;
        for (Errno e : errnos) {
            for (FaultyFileOps.Mode mode : List.of(FaultyFileOps.Mode.FAIL_ONCE, FaultyFileOps.Mode.FAIL_ALWAYS)) {
                for (int n = 1 + shift++ % stride; ; n += stride) {
                    String point = e + ":" + mode + ":" + n;
                    Trial t = trial(wb, e, mode, n);
                    if (!t.fired()) {
                        break; // past the last operation this errno can hit
                    }
                    r.tried();
                    if (t.violations().isEmpty()) {
                        Workbench.deleteTree(t.kb());
                    } else {
                        String name = wb.scenario().name();
                        r.diverged(new Divergence(LAYER, name, point, 0, t.violations(), Replay.command(LAYER, name, point, 0)));
                    }
                }
            }
        }
        return r;
    }

    public record Trial(Path kb, boolean fired, List<String> violations) {
    }

    /** Replays "ERRNO:MODE:n". */
    public static Trial trial(Workbench wb, String point) throws IOException {
        String[] p = point.split(":");
        return trial(wb, Errno.valueOf(p[0]), FaultyFileOps.Mode.valueOf(p[1]), Integer.parseInt(p[2]));
    }

    public static Trial trial(Workbench wb, Errno errno, FaultyFileOps.Mode mode, int n) throws IOException {
        Path kb = wb.copy("fault-" + errno + "-" + mode + "-" + n);
        FaultyFileOps ops = new FaultyFileOps().arm(n, errno, mode);
        Outcome o = wb.run(kb, ops);
        List<String> fired = ops.fired();
        List<String> v = new ArrayList<>();
        boolean dirty = o.dirty();
        if (!dirty) {
            List<Map<String, String>> expected = wb.allowed(o).stream().map(FaultSweep::visible).toList();
            Map<String, String> now = visible(wb.manifests().of(kb));
            if (!expected.contains(now)) {
                v.add("right after the " + o + " run the KB differs from what it reported in " + KbInvariants.diff(expected.get(0), now));
            }
        }
        // A sync of .openkb/staging belongs to removing a batch's private, already-published staging
        // folder after the commit mark: best-effort cleanup (the reaper finishes it), not the mutation's
        // durability, so a failure there may still be followed by a reported success.
        boolean syncFailed = fired.stream().anyMatch(f -> f.startsWith("sync") && !f.replace('\\', '/').endsWith("/.openkb/staging"));
        if (syncFailed && o.fullSuccess(wb.allUnits())) {
            v.add("a failed " + fired.get(0) + " was followed by a reported success");
        }
        boolean inDoubt = dirty && journalSaysCommitted(kb);
        if (inDoubt && !o.dirtyRollback().contains("commit mark may already be on disk")) {
            v.add("the engine reported a failure while its journal says committed, without saying recovery will keep it");
        }
        List<Map<String, String>> allowed = inDoubt ? plusOne(wb, o) : wb.allowed(o);
        wb.recover(kb, new RealFileOps());
        v.addAll(KbInvariants.check(new KbLayout(kb), allowed));
        if (!v.isEmpty()) {
            v.add("faults fired at " + fired + "; outcome " + o);
        }
        return new Trial(kb, !fired.isEmpty(), v);
    }

    /**
     * After a failed rollback the journal on disk decides what recovery does. When the commit mark
     * could not be taken back (its write failed half-way, then so did every rewrite), the journal
     * says committed and recovery must keep that unit: the engine reported the outcome as in doubt.
     */
    private static boolean journalSaysCommitted(Path kb) throws IOException {
        for (Path j : Recovery.pendingJournals(new KbLayout(kb))) {
            if ("committed".equals(PythonJson.parseObject(Files.readString(j, StandardCharsets.UTF_8)).get("status"))) {
                return true;
            }
        }
        return false;
    }

    /** The crash states with one more unit committed than a set {@code o} allows. */
    private static List<Map<String, String>> plusOne(Workbench wb, Outcome o) throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        for (Set<Integer> committed : o.possible()) {
            for (Set<Integer> more : wb.scenario().crashStates()) {
                if (more.size() == committed.size() + 1 && more.containsAll(committed)) {
                    out.add(wb.state(more));
                }
            }
        }
        return out;
    }

    /** The manifest without the journal and staging areas (the KB as readers see it). */
    static Map<String, String> visible(Map<String, String> manifest) {
        Map<String, String> m = new TreeMap<>(manifest);
        m.keySet().removeIf(k -> k.startsWith(".openkb/journal") || k.startsWith(".openkb/staging"));
        return m;
    }
}
