package dev.openkb.io;

import static dev.openkb.testing.Fixtures.read;
import static dev.openkb.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.testing.FaultyFileOps;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;
    final AtomicFiles files = new AtomicFiles(new RealFileOps());

    @Test
    void replacesAFileAndLeavesNoTempBehind() throws IOException {
        Path f = write(dir.resolve("a.md"), "old");
        files.write(f, "new".getBytes(StandardCharsets.UTF_8));
        assertEquals("new", read(f));
        try (var s = Files.list(dir)) {
            assertEquals(List.of("a.md"), s.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void keepsAnExistingFilesModeAndGivesNewFilesTheUmaskModeNotATempFiles0600() throws IOException {
        Path f = write(dir.resolve("a.md"), "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        files.write(f, "new".getBytes(StandardCharsets.UTF_8));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        Path fresh = dir.resolve("fresh.md");
        files.write(fresh, "x".getBytes(StandardCharsets.UTF_8));
        Path reference = Files.createFile(dir.resolve("reference"));
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(fresh));
        assertNotEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
    }

    @Test
    void copiesLargeFilesByteForByte() throws IOException {
        long size = 64L * 1024 * 1024 + 17;
        Path src = dir.resolve("big.bin");
        try (var out = Files.newOutputStream(src)) {
            byte[] chunk = new byte[1 << 20];
            for (long written = 0; written < size; written += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
            }
        }
        Path dst = dir.resolve("copy.bin");
        // A heap far smaller than the file would fail here if the copy buffered it whole.
        files.copyNew(src, dst);
        assertEquals(size, Files.size(dst));
    }

    @Test
    void hardLinksWhenPossibleAndCopiesWhenTheFileSystemRefuses() throws IOException {
        Path src = write(dir.resolve("src.md"), "content");
        assertTrue(files.linkOrCopy(src, dir.resolve("linked.md")));
        assertEquals(Files.getAttribute(src, "unix:ino"), Files.getAttribute(dir.resolve("linked.md"), "unix:ino"));
        for (String refusal : List.of("Invalid cross-device link", "Operation not permitted", "Permission denied", "Too many links",
                "Operation not supported")) {
            FaultyFileOps ops = new FaultyFileOps().arm(1, "link", FaultyFileOps.Mode.FAIL_ALWAYS, refusal);
            Path dst = dir.resolve("copied-" + refusal.hashCode() + ".md");
            assertFalse(new AtomicFiles(ops).linkOrCopy(src, dst), refusal);
            assertEquals("content", read(dst));
            assertNotEquals(Files.getAttribute(src, "unix:ino"), Files.getAttribute(dst, "unix:ino"));
        }
        FaultyFileOps eio = new FaultyFileOps().arm(1, "link", FaultyFileOps.Mode.FAIL_ALWAYS, "Input/output error");
        assertThrows(IOException.class, () -> new AtomicFiles(eio).linkOrCopy(src, dir.resolve("never.md")),
                "a real I/O error is not hidden behind a copy");
    }

    @Test
    void aFailedRenameRemovesItsTempFile() throws IOException {
        Path f = write(dir.resolve("a.md"), "old");
        FaultyFileOps ops = new FaultyFileOps().arm(1, "rename", FaultyFileOps.Mode.FAIL_ONCE, "No space left on device");
        assertThrows(IOException.class, () -> new AtomicFiles(ops).write(f, InputStream.nullInputStream(), dir, true));
        assertEquals("old", read(f));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void recognisesOnlyItsOwnTempNamesForATarget() {
        Path target = dir.resolve("index.md");
        assertTrue(AtomicFiles.isTempOf(AtomicFiles.tempName(dir.resolve("elsewhere"), target), target));
        for (String other : List.of(".index.md.1a2b3c4d.tmp.bak", ".index.md.1a2b3c4z.tmp", ".index.md.1a2b3c4d.txt",
                ".log.md.1a2b3c4d.tmp", "index.md.1a2b3c4d.tmp", ".index.md.1a2b3c4.tmp")) {
            assertFalse(AtomicFiles.isTempOf(dir.resolve(other), target), other);
        }
    }

    @Test
    void deletesOnlyTheInterruptedTempsOfOneTarget() throws IOException {
        Path target = write(dir.resolve("index.md"), "page");
        Path temp = write(AtomicFiles.tempName(dir, target), "half");
        Path othersTemp = write(AtomicFiles.tempName(dir, dir.resolve("log.md")), "half");
        Files.createDirectory(AtomicFiles.tempName(dir, target));

        assertEquals(1, files.deleteTempsBeside(target));

        assertFalse(Files.exists(temp));
        assertTrue(Files.exists(othersTemp));
        assertEquals("page", read(target));
        assertEquals(0, files.deleteTempsBeside(dir.resolve("no-such-folder/index.md")));
    }

    @Test
    void creatingAFolderWhereAFileStandsFailsButAnExistingFolderIsFine() throws IOException {
        Path file = write(dir.resolve("taken"), "a file");
        RealFileOps ops = new RealFileOps();
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> ops.createDirectory(file));
        ops.createDirectory(dir);
        assertEquals("a file", read(file));
    }
}
