package dev.openkb.lint;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of tests that work on a fresh {@link TestKb} in a temp dir. */
abstract class KbFixture {
    @TempDir
    Path root;
    TestKb kb;

    @BeforeEach
    void makeWiki() {
        kb = new TestKb(root);
    }
}
