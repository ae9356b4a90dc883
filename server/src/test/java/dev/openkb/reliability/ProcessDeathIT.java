package dev.openkb.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Layer 4 (a sample; {@code bin/torture} runs every point and many more kills): the built CLI
 * SIGKILLed by strace at syscall boundaries of a 3-document add, and by a seeded kill loop during a
 * 20-file add with two prepare workers (sometimes during the recovery that follows), always comes
 * back through a fresh {@code openkb recover} to a prefix of the add.
 */
class ProcessDeathIT extends RealProcessTestBase {
    static final long SEED = 20261125L;

    @Test
    void aKillAtSampledSyscallsOfAThreeDocumentAddRecoversToAPrefix() throws Exception {
        Workbench wb = new Workbench(Scenarios.byName("add-3"), dir, Manifests.TIMELESS);
        LayerResult r = SyscallKillSweep.run(wb, dir, 24, 5);
        System.out.println(r);
        assertTrue(r.count() >= 6, r.sentence());
        assertEquals(0, r.divergences().size(), r.toString());
    }

    @Test
    void aSeededKillLoopOverATwentyFileAddRecoversToAPrefix() throws Exception {
        Workbench wb = new Workbench(AddScenario.notes("add-20", 20), dir, Manifests.TIMELESS);
        LayerResult r = KillLoop.run(wb, dir, SEED, 4);
        System.out.println(r);
        assertTrue(r.count() >= 4, r.sentence());
        assertEquals(0, r.divergences().size(), r.toString());
    }
}
