package dev.openkb.reliability;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the real-process tests share: a work folder on disk, and a skip, with the reason printed,
 * when the built jar, strace or flock is missing (a plain {@code mvn test} has no jar yet).
 */
abstract class RealProcessTestBase {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsTheJarStraceAndFlock() {
        String why = Cli.unavailable();
        if (why != null) {
            System.out.println("real-process layer skipped: " + why);
        }
        Assumptions.assumeTrue(why == null, why);
    }
}
