package dev.openkb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.CancelToken;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.Registry;
import dev.openkb.kb.RegistryEntry;
import dev.openkb.lock.KbLock;
import dev.openkb.testing.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a user meets it on awkward input (issue 12 items 7-9): special files named on the
 * command line, very long names, private documents, another process holding the lock, an empty
 * identifier, and control characters in file names. Real KB, real offline compiler, real files.
 */
class CliHygieneTest {
    /** Guards the tests whose bug was a hang, so a regression fails instead of blocking the build. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    KbLayout kb;
    Path in;

    @BeforeEach
    void setUp() throws IOException {
        kb = Fixtures.kb(dir.resolve("kb"));
        in = Files.createDirectories(dir.resolve("in"));
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private CliRun add(Path... files) {
        String[] args = Stream.concat(Stream.of("add", "--kb", kb.root().toString()),
                Stream.of(files).map(Path::toString)).toArray(String[]::new);
        return run(args);
    }

    private Path doc(String name, String text) throws IOException {
        return Fixtures.write(in.resolve(name), text);
    }

    private List<String> stagingLeft() throws IOException {
        if (!Files.isDirectory(kb.stagingDir())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(kb.stagingDir())) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    // ---- item 7: hangs and leftovers -------------------------------------------------------

    @Test
    void aNamedFifoIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = in.resolve("pipe.md");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CliRun r = assertTimeoutPreemptively(HANG_GUARD, () -> add(fifo));
        assertEquals(Main.FAILURE, r.code());
        assertTrue(r.err().contains("UNSUPPORTED_TYPE: " + fifo + ": not a regular file: a FIFO (named pipe)"), r.err());
        assertEquals(0, Registry.load(kb).size());
    }

    @Test
    void aNamedSymlinkToDevZeroIsRefusedWithoutReadingIt() throws Exception {
        Path zero = Files.createSymbolicLink(in.resolve("zero.md"), Path.of("/dev/zero"));
        CliRun r = assertTimeoutPreemptively(HANG_GUARD, () -> add(zero));
        assertEquals(Main.FAILURE, r.code());
        assertTrue(r.err().contains(zero + ": not a regular file: a character device (through a symlink)"), r.err());
    }

    @Test
    void aFifoInsideAFolderIsPassedOverAndTheRestIsAdded() throws Exception {
        doc("a.md", "# A\n\nAlpha text.\n");
        assertEquals(0, new ProcessBuilder("mkfifo", in.resolve("pipe.md").toString()).start().waitFor());
        CliRun r = assertTimeoutPreemptively(HANG_GUARD, () -> add(in));
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.err().contains("[SKIP] " + in.resolve("pipe.md") + ": not a regular file: a FIFO (named pipe)"), r.err());
        assertEquals(1, Registry.load(kb).size());
    }

    @Test
    void a240CharacterNameIsAddedAndLeavesNoStagingBehind() throws Exception {
        Path f = doc("a".repeat(237) + ".md", "# Long\n\nA document with a very long file name.\n");
        CliRun r = add(f);
        assertEquals(Main.OK, r.code(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals(List.of(), stagingLeft());
        RegistryEntry e = Registry.load(kb).entries().get(0);
        assertEquals(f.getFileName().toString(), e.name(), "the registry keeps the real file name");
        assertTrue(Files.isRegularFile(kb.summary(e.docName())));
        CliRun status = run("status", "--kb", kb.root().toString());
        assertEquals("", status.err(), "no later command warns about a staging folder");
        assertEquals("Nothing to recover.\n", run("recover", "--kb", kb.root().toString()).out());
    }

    @Test
    void namesNearThe255ByteLimitInUtf8AreAddedWithDocNamesThatFit() throws Exception {
        // 125 two-byte letters + ".md" = 253 bytes; 84 three-byte letters + ".txt" = 256 is over, so 83.
        Path two = doc("é".repeat(125) + ".md", "# Two\n\nTwo-byte letters.\n");
        Path three = doc("語".repeat(83) + ".txt", "Three-byte letters in a text file.\n");
        Path twin = doc("é".repeat(124) + "x.md", "# Twin\n\nShares its first 200 bytes with the first.\n");
        CliRun r = add(two, three, twin);
        assertEquals(Main.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("Done: 3 added"), r.out());
        assertEquals(List.of(), stagingLeft());
        List<String> names = Registry.load(kb).entries().stream().map(RegistryEntry::docName).toList();
        assertEquals(3, names.stream().distinct().count(), names.toString());
        for (String n : names) {
            assertTrue(n.getBytes(StandardCharsets.UTF_8).length <= 200, n);
        }
        try (Stream<Path> all = Files.walk(kb.root())) {
            all.forEach(p -> assertTrue(p.getFileName().toString().getBytes(StandardCharsets.UTF_8).length <= 255, p.toString()));
        }
    }

    @Test
    void aStagingFolderTooLongToRenameToTrashIsStillReclaimed() throws Exception {
        // What an earlier version left after a 240-character name: an unleased add-* folder whose
        // trash- name would pass 255 bytes.
        Path left = Files.createDirectories(kb.stagingDir().resolve("add-" + "a".repeat(237) + "-0123abcd"));
        Files.writeString(left.resolve(dev.openkb.lock.Lease.FILE_NAME), "");
        Fixtures.write(left.resolve("raw").resolve("x.md"), "x");
        CliRun r = run("recover", "--kb", kb.root().toString());
        assertEquals(Main.OK, r.code(), r.out() + r.err());
        assertFalse(r.out().contains("Cannot reclaim"), r.out());
        assertEquals(List.of(), stagingLeft());
        assertEquals("Nothing to recover.\n", run("recover", "--kb", kb.root().toString()).out());
    }

    // ---- item 8: permissions ---------------------------------------------------------------

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aPrivateDocumentsCopySourceAndSummaryStayPrivate() throws Exception {
        Path secret = doc("secret.md", "# Secret Plans\n\nAlice Smith meets Bob Jones about Project Falcon.\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Path open = doc("open.md", "# Open Notes\n\nAlice Smith writes about Project Falcon in public.\n");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        CliRun r = add(secret, open);
        assertEquals(Main.OK, r.code(), r.err());
        assertEquals("rw-------", mode(kb.rawDir().resolve("secret.md")));
        assertEquals("rw-------", mode(kb.sourceMd("secret")));
        assertEquals("rw-------", mode(kb.summary("secret")));
        assertEquals("rw-r--r--", mode(kb.rawDir().resolve("open.md")));
        assertEquals("rw-r--r--", mode(kb.sourceMd("open")));
        assertEquals("rw-r--r--", mode(kb.summary("open")));
    }

    @Test
    void reAddingADocumentMadePrivateMakesItsPagesPrivate() throws Exception {
        Path d = doc("notes.md", "# Notes\n\nFirst version about Project Falcon.\n");
        assertEquals(Main.OK, add(d).code());
        assertEquals("rw-r--r--", mode(kb.summary("notes")));
        Fixtures.write(d, "# Notes\n\nSecond, private version about Project Falcon.\n");
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rw-r-----"));
        CliRun r = add(d);
        assertEquals(Main.OK, r.code(), r.err());
        assertEquals("rw-r-----", mode(kb.rawDir().resolve("notes.md")), "publish must not give the old copy's mode back");
        assertEquals("rw-r-----", mode(kb.sourceMd("notes")));
        assertEquals("rw-r-----", mode(kb.summary("notes")));
    }

    // ---- item 9: messages ------------------------------------------------------------------

    /** A writer that counts down when what was written so far contains {@code text}. */
    private static final class Awaiting extends Writer {
        final StringBuffer all = new StringBuffer();
        final CountDownLatch seen = new CountDownLatch(1);
        final String text;

        Awaiting(String text) {
            this.text = text;
        }

        @Override
        public void write(char[] c, int off, int len) {
            all.append(c, off, len);
            if (all.indexOf(text) >= 0) {
                seen.countDown();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aCommandWaitingForAnotherProcesssLockSaysSoAndGoesOnWhenItIsFree() throws Exception {
        // A second KbLock on the same file has its own open file description: its flock excludes
        // ours exactly as another process's would.
        try (KbLock other = new KbLock(kb.lockFile(), l -> { })) {
            KbLock.Hold held = other.exclusive(CancelToken.none());
            Awaiting err = new Awaiting("waiting for the KB lock held by another process");
            StringWriter out = new StringWriter();
            CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() ->
                    Main.run(new String[] {"status", "--kb", kb.root().toString()}, new PrintWriter(out, true), new PrintWriter(err, true)));
            try {
                assertTrue(err.seen.await(30, TimeUnit.SECONDS), "the wait is announced: " + err.all);
                assertFalse(status.isDone(), "still waiting while the lock is held");
            } finally {
                held.close();
            }
            assertEquals(Main.OK, status.get(30, TimeUnit.SECONDS));
            assertTrue(out.toString().contains("Total indexed: 0 document(s)"), out.toString());
        }
    }

    @Test
    void lockTimeoutGivesUpWithAStableCodeAndExitOne() throws Exception {
        Path d = doc("a.md", "# A\n\nAlpha.\n");
        try (KbLock other = new KbLock(kb.lockFile(), l -> { }); KbLock.Hold held = other.exclusive(CancelToken.none())) {
            CliRun r = assertTimeoutPreemptively(HANG_GUARD, () -> run("add", "--kb", kb.root().toString(), "--lock-timeout", "0.5", d.toString()));
            assertEquals(Main.FAILURE, r.code());
            assertTrue(r.err().contains("Error: LOCK_FAILED: " + kb.lockFile() + ": gave up after waiting 0.5 s for the KB lock"), r.err());
            CliRun remove = assertTimeoutPreemptively(HANG_GUARD, () -> run("remove", "--kb", kb.root().toString(), "--lock-timeout", "0", "-y", "a"));
            assertEquals(Main.FAILURE, remove.code());
            assertTrue(remove.err().contains("LOCK_FAILED"), remove.err());
        }
        assertEquals(Main.USAGE, run("status", "--kb", kb.root().toString(), "--lock-timeout", "-1").code());
    }

    @Test
    void aLockTimeoutAtCommitStopsTheBatchInsteadOfWaitingOutTheTimeoutForEveryFile() throws Exception {
        Path a = doc("a.md", "# A\n\nAlpha.\n");
        Path b = doc("b.md", "# B\n\nBeta.\n");
        Path c = doc("c.md", "# C\n\nGamma.\n");
        // Another process reading: the add's registry read shares the lock, its commits cannot.
        try (KbLock other = new KbLock(kb.lockFile(), l -> { }); KbLock.Hold held = other.shared(CancelToken.none())) {
            CliRun r = assertTimeoutPreemptively(HANG_GUARD, () -> run("add", "--kb", kb.root().toString(), "--lock-timeout", "0.3", "-j", "1",
                    a.toString(), b.toString(), c.toString()));
            assertEquals(Main.FAILURE, r.code());
            assertTrue(r.out().contains("[1/3] [ERROR]  a.md: LOCK_FAILED: "), r.out());
            assertTrue(r.out().contains("[2/3] [CANCEL] b.md: batch stopped: LOCK_FAILED")
                    && r.out().contains("[3/3] [CANCEL] c.md: batch stopped: LOCK_FAILED"), r.out());
        }
        assertEquals(0, Registry.load(kb).size());
    }

    @Test
    void removeWithAnEmptyIdentifierIsAUsageErrorAndRemovesNothing() throws Exception {
        assertEquals(Main.OK, add(doc("a.md", "# A\n\nAlpha.\n"), doc("b.md", "# B\n\nBeta.\n")).code());
        for (String blank : List.of("", "  ")) {
            CliRun r = run("remove", "--kb", kb.root().toString(), "-y", blank);
            assertEquals(Main.USAGE, r.code(), r.out() + r.err());
            assertTrue(r.err().contains("INVALID_ARGUMENT: empty document identifier"), r.err());
        }
        assertEquals(2, Registry.load(kb).size());
    }

    @Test
    void controlCharactersInANameAreEscapedOnTheTerminalAndInTheLogButKeptOnDisk() throws Exception {
        String name = "evil\u001b[2J\u001b[31mred\u0007\nfake.md";
        Path f = doc(name, "# Evil\n\nA name with escapes.\n");
        CliRun r = add(f);
        assertEquals(Main.OK, r.code(), r.err());
        String shown = "evil\\x1b[2J\\x1b[31mred\\x07\\nfake.md";
        assertTrue(r.out().contains("[OK]     " + shown), r.out());
        assertFalse(r.out().contains("\u001b") || r.out().contains("\u0007"), "no raw control character reaches the terminal");
        String log = Files.readString(kb.logMd());
        assertTrue(log.contains("ingest | " + shown + "\n"), log);
        assertFalse(log.contains("\u001b"), log);
        assertEquals(name, Registry.load(kb).entries().get(0).name(), "the registry keeps the real name");
        CliRun status = run("status", "--kb", kb.root().toString());
        assertTrue(status.out().contains("ingest | " + shown), status.out());
        CliRun dry = run("remove", "--kb", kb.root().toString(), "--dry-run", "red");
        assertFalse(dry.out().contains("\u001b"), dry.out());
        assertTrue(dry.out().contains("Removing " + shown), dry.out());
    }
}
