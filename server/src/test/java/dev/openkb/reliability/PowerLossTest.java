package dev.openkb.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.testing.SkippedSyncFileOps;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Layer 2 (a sample; the full run tries many more seeds): a power cut at a crash point, losing a
 * random share of unsynced directory entries and tearing unforced data, never leaves a KB that
 * recovery cannot bring to the state before or after, and never loses an acknowledged mutation.
 * And the proof that the layer has teeth: the same run over an engine that skips its directory
 * syncs diverges.
 */
class PowerLossTest extends SweepTestBase {
    static final long SEED = 20261125L;

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void aPowerCutAtAnyStepRecoversToBeforeOrAfterAndKeepsAcknowledgedWork(Scenario s) throws Exception {
        LayerResult r = PowerLossSweep.run(new Workbench(s, dir), 3, 0, 2, SEED, UnaryOperator.identity());
        System.out.println(s.name() + " " + r);
        assertTrue(r.count() > 10, r.sentence());
        assertEquals(0, r.divergences().size(), r.toString());
    }

    @Test
    void anEngineThatSkipsItsDirectorySyncsIsCaught() throws Exception {
        LayerResult r = PowerLossSweep.run(new Workbench(Scenarios.remove(), dir), 2, 0, 2, SEED,
                ops -> new SkippedSyncFileOps(ops, SkippedSyncFileOps.Skip.DIRECTORY_SYNC));
        System.out.println("broken durability: " + r);
        assertFalse(r.divergences().isEmpty(), "the power-loss layer must find a missing directory fsync: " + r.sentence());
    }

    /**
     * A power cut while an add removes its staging folder, or just after it reported success, for
     * many seeds: the add survives, and the staging folder is either gone or reclaimable at once —
     * never an unleased folder the reaper must spare (the rename to trash- must be durable before
     * the folder's lease file goes).
     */
    @Test
    void aPowerCutAsAnAddEndsLeavesNoStagingBehind() throws Exception {
        Workbench wb = new Workbench(Scenarios.byName("add-1"), dir);
        int last = wb.cleanOperations().size();
        List<String> failures = new java.util.ArrayList<>();
        for (int n = last - 3; n <= last + 1; n++) {
            for (int k = 0; k < 10; k++) {
                long seed = PowerLossSweep.seed(SEED, n, k);
                PowerLossSweep.Trial t = PowerLossSweep.trial(wb, n, seed, UnaryOperator.identity(), "end-" + n + "-" + k);
                if (!t.violations().isEmpty()) {
                    failures.add(n + " seed " + seed + ": " + t.violations());
                }
            }
        }
        assertEquals(List.of(), failures);
    }
}
