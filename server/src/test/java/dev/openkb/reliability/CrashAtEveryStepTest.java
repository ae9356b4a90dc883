package dev.openkb.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Layer 1: every scenario crashed at every file operation, on the real file system and with every
 * link and cross-folder rename refused (copy fallbacks), recovers to the state before or after;
 * recovery crashed at its steps (a sixteenth of the double-crash points here, all in bin/torture)
 * recovers on the next run.
 */
class CrashAtEveryStepTest extends SweepTestBase {
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void aCrashAtAnyOperationLeavesTheKbAsBeforeOrAsAfter(Scenario s) throws Exception {
        Workbench wb = new Workbench(s, dir);
        for (Substrate substrate : Substrate.values()) {
            LayerResult r = CrashSweep.single(wb, substrate);
            System.out.println(s.name() + " " + r);
            assertTrue(r.count() > 10, "the scenario has steps to crash at: " + r.count());
            assertEquals(0, r.divergences().size(), r.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void aCrashDuringRecoveryIsRepairedByTheNextRecovery(Scenario s) throws Exception {
        Workbench wb = new Workbench(s, dir);
        LayerResult r = CrashSweep.doubleCrash(wb, Substrate.REAL, 4, 4, 1); // a sixteenth of them; bin/torture runs all
        System.out.println(s.name() + " " + r);
        assertTrue(r.count() > 5, "recoveries have steps to crash at: " + r.count());
        assertEquals(0, r.divergences().size(), r.toString());
    }
}
