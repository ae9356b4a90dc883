package dev.openkb.reliability;

import dev.openkb.testing.RamTempDir;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/** What every in-JVM sweep test shares: a tmpfs work folder and the scenarios to sweep. */
abstract class SweepTestBase {
    @TempDir(factory = RamTempDir.class)
    Path dir;

    static Stream<Scenario> scenarios() {
        return Scenarios.all().stream();
    }
}
