package dev.openkb.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.testing.Errno;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Layer 3: ENOSPC, EIO, EXDEV, EACCES and EMLINK at operations that can fail with them (every
 * other one here, shifting per errno and mode; all in bin/torture), once and persistently: never a false success, the KB as before (or after, when success was reported),
 * nothing leaked after recovery, and a failed sync always aborts the mutation.
 */
class InjectedFaultTest extends SweepTestBase {
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void faultsAtSampledOperationsEndAsReportedWithNothingLeaked(Scenario s) throws Exception {
        LayerResult r = FaultSweep.run(new Workbench(s, dir), List.of(Errno.values()), 2); // every other index; bin/torture runs all
        System.out.println(s.name() + " " + r);
        assertTrue(r.count() > 25, r.sentence());
        assertEquals(0, r.divergences().size(), r.toString());
    }
}
