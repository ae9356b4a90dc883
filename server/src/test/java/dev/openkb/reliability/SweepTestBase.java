package dev.openkb.reliability;

import dev.openkb.testing.RamTempDir;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/** What every in-JVM sweep test shares: a tmpfs work folder and the scenarios to sweep. */
abstract class SweepTestBase {
    @TempDir(factory = RamTempDir.class)
    Path dir;

    /**
     * Every scenario, or only those named in {@code -Dopenkb.scenarios=rename,remove} (to sweep one
     * mutation's slice without the rest).
     */
    static Stream<Scenario> scenarios() {
        String only = System.getProperty("openkb.scenarios", "");
        List<String> names = only.isBlank() ? List.of() : List.of(only.split(","));
        return Scenarios.all().stream().filter(s -> names.isEmpty() || names.contains(s.name()));
    }
}
