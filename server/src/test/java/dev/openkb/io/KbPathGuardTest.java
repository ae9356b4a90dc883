package dev.openkb.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KbPathGuardTest {
    @TempDir
    Path dir;
    Path root;
    KbPathGuard guard;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(dir.resolve("kb"));
        Files.createDirectories(dir.resolve("outside"));
        guard = new KbPathGuard(root);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside", "../../etc/passwd", "/etc/passwd", ".", "", "wiki/../..", "wiki/../../kb2"})
    void aRelativePathThatLeavesTheKbOrIsTheKbIsRefused(String rel) {
        assertThrows(UnsafePathException.class, () -> guard.resolve(rel));
    }

    @Test
    void aRelativePathInsideTheKbResolvesNormalised() throws UnsafePathException {
        assertEquals(root.resolve("wiki/x.md"), guard.resolve("wiki/./a/../x.md"));
    }

    @Test
    void aSymlinkedFolderOnTheWayIsRefusedWhetherOrNotTheTargetExists() throws IOException {
        Files.createDirectories(root.resolve("wiki"));
        Files.createSymbolicLink(root.resolve("wiki/evil"), dir.resolve("outside"));
        UnsafePathException e = assertThrows(UnsafePathException.class, () -> guard.requireReal(root.resolve("wiki/evil/x.md"), true));
        assertTrue(e.reason().contains("symlink wiki/evil"), e.reason());
        assertThrows(UnsafePathException.class, () -> guard.requireReal(root.resolve("wiki/evil/missing/y.md"), true));
    }

    @Test
    void theLastComponentMayBeALinkOnlyWhenTheActIsOnTheLinkItself() throws IOException {
        Path link = Files.createSymbolicLink(root.resolve("link"), dir.resolve("outside"));
        assertEquals(link, guard.requireReal(link, true));
        assertThrows(UnsafePathException.class, () -> guard.requireReal(link, false));
        assertFalse(guard.isRealDirectory(link));
    }

    @Test
    void missingComponentsAreFineAndTheRootItselfMayBeALink() throws IOException {
        Path linkedRoot = Files.createSymbolicLink(dir.resolve("kb-link"), root);
        KbPathGuard viaLink = new KbPathGuard(linkedRoot);
        assertEquals(linkedRoot.resolve("a/b/c.md"), viaLink.requireReal(linkedRoot.resolve("a/b/c.md"), false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/b", "a\\b", "nul\0x"})
    void aRegistryNameMustBeOnePlainComponent(String name) {
        assertFalse(KbPathGuard.isPlainName(name));
    }

    @Test
    void ordinaryDocNamesArePlain() {
        assertTrue(KbPathGuard.isPlainName("paper"));
        assertTrue(KbPathGuard.isPlainName("x..y"));
        assertTrue(KbPathGuard.isPlainName("café_2"));
    }
}
