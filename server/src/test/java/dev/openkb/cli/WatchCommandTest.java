package dev.openkb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.FileStage;
import dev.openkb.engine.FileStatus;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.Registry;
import dev.openkb.kb.RegistryEntry;
import dev.openkb.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code openkb watch} as a user runs it (issue 17.2): a real CLI process watching {@code raw/},
 * files dropped into it added through the journaled pipeline, and Ctrl-C (a real SIGINT) ending it
 * with exit 0 and nothing left in staging.
 */
class WatchCommandTest {
    @TempDir
    Path dir;

    @Test
    void filesDroppedIntoRawAreCommittedAndCtrlCStopsCleanly() throws Exception {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        try (ChildCli cli = new ChildCli("watch", "--kb", kb.root().toString(), "--debounce", "0.3")) {
            cli.await("Watching ");
            Files.createDirectories(kb.rawDir().resolve("incoming"));
            Path draft = Fixtures.write(dir.resolve("draft.md"), "# Quarterly Report\n\nThe Quarterly Report covers Graph Theory.\n");
            Files.move(draft, kb.rawDir().resolve("incoming/Quarterly Report.md"), StandardCopyOption.ATOMIC_MOVE);
            Fixtures.write(kb.rawDir().resolve("notes.txt"), "Notes about Graph Theory and Ada Lovelace.\n");
            Fixtures.write(kb.rawDir().resolve(".notes.txt.swp"), "an editor's swap file");

            awaitLines(cli, "[OK]     Quarterly Report.md ", "[OK]     notes.txt ");

            List<String> names = Registry.load(kb).entries().stream().map(RegistryEntry::name).sorted().toList();
            assertEquals(List.of("Quarterly Report.md", "notes.txt"), names);
            assertTrue(Files.isRegularFile(kb.summary("Quarterly-Report")) && Files.isRegularFile(kb.summary("notes")));
            assertTrue(Files.readString(kb.logMd()).contains("ingest | notes.txt"));
            cli.interrupt();
            cli.await("Stopped watching.");
            assertEquals(Main.OK, cli.exit(), String.join("\n", cli.seen));
            assertTrue(cli.seen.stream().noneMatch(l -> l.contains("\u001b")), "into a pipe: plain lines, no bar");
        }
        assertTrue(stagingIsEmpty(kb), "nothing left in staging");
    }

    @Test
    void onATerminalEachGroupDrawsTheAddBarAndCtrlCStillEndsWithExitZero() throws Exception {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "watch", "--kb", kb.root().toString(), "--debounce", "0.2");
        String line = String.join(" ", java.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").toList());
        // script(1) gives the CLI a real pseudo-terminal; -e passes on its exit code.
        try (ChildCli cli = new ChildCli(new ProcessBuilder("script", "-qec", line, "/dev/null"))) {
            cli.await("Watching ");
            Fixtures.write(kb.rawDir().resolve("notes.md"), "# Notes\n\nNotes about Graph Theory.\n");
            awaitLines(cli, "[1/1] [OK]"); // after the bar's erase sequence, so not at the start of a line
            ProcessHandle watch = cli.process.descendants().filter(p -> p.info().command().orElse("").endsWith("java"))
                    .findFirst().orElseThrow();
            assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(watch.pid())).start().waitFor());
            awaitLines(cli, "Stopped watching.");
            assertEquals(Main.OK, cli.exit(), String.join("\n", cli.seen));
            assertTrue(cli.seen.stream().anyMatch(l -> l.contains("committing") && l.contains("\u001b[K")),
                    "the bar is drawn (and erased) on a terminal: " + cli.seen);
        }
        assertTrue(stagingIsEmpty(kb), "nothing left in staging");
    }

    @Test
    void ctrlCWhileAGroupIsBeingAddedEndsWithExitZeroAndNothingInStaging() throws Exception {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        Path batch = Files.createDirectories(dir.resolve("batch"));
        for (int i = 1; i <= 300; i++) {
            Fixtures.write(batch.resolve(String.format("doc%03d.md", i)), "# Document " + i + "\n\nText " + i + " about Topic" + (i % 7) + ".\n");
        }
        try (ChildCli cli = new ChildCli("watch", "--kb", kb.root().toString(), "--debounce", "0.2", "-j", "1")) {
            cli.await("Watching ");
            // One rename drops the whole folder in at once.
            Files.move(batch, kb.rawDir().resolve("batch"), StandardCopyOption.ATOMIC_MOVE);
            cli.await("[1/300]");
            cli.interrupt();
            cli.await("Stopping watch");
            String done = cli.await("Done: ");
            assertTrue(done.matches("Done: \\d+ added(, \\d+ cancelled)?\\."), done);
            cli.await("Stopped watching.");
            assertEquals(Main.OK, cli.exit(), String.join("\n", cli.seen));
        }
        assertTrue(stagingIsEmpty(kb), "nothing left in staging");
        assertEquals("Nothing to recover.\n", CliRun.of("recover", "--kb", kb.root().toString()).out());
    }

    @Test
    void aGroupHoldingOnlyContentTheKbHasPrintsNothingAndEverythingElseStillShows() {
        StringWriter out = new StringWriter();
        WatchCommand.Groups groups = new WatchCommand.Groups(new PrintWriter(out, true), Terminal.PLAIN);
        Path copy = dir.resolve("raw/notes.md");
        groups.batchStarted(1);
        groups.fileStage(copy, 1, 1, FileStage.QUEUED, null);
        groups.fileStage(copy, 1, 1, FileStage.HASHING, null);
        groups.fileDone(copy, 1, 1, "notes", FileStatus.SKIPPED, "already in the knowledge base as notes");
        groups.batchFinished(0, 1, 0, 0);
        assertEquals("", out.toString(), "the published copy of a document just added is not news");

        groups.batchStarted(3);
        groups.fileDone(dir.resolve("raw/a.md"), 1, 3, "a", FileStatus.ADDED, null);
        groups.fileDone(copy, 2, 3, "notes", FileStatus.SKIPPED, "already in the knowledge base as notes");
        groups.fileDone(dir.resolve("raw/b.md"), 3, 3, null, FileStatus.FAILED, "cannot read");
        groups.batchFinished(1, 1, 1, 0);
        assertEquals("Adding 3 file(s)...\n[1/3] [OK]     a.md → a\n[3/3] [ERROR]  b.md: cannot read\n"
                + "Done: 1 added, 1 skipped, 1 failed.\n", out.toString());
    }

    /** Reads lines until every one of {@code wanted} has been seen (in any order, across groups). */
    private static void awaitLines(ChildCli cli, String... wanted) throws Exception {
        for (String w : wanted) {
            if (cli.seen.stream().noneMatch(l -> l.contains(w))) {
                String l;
                do {
                    l = cli.lines.readLine();
                    if (l == null) {
                        throw new AssertionError("the CLI ended before printing \"" + w + "\"; it printed " + cli.seen);
                    }
                    cli.seen.add(l);
                } while (!l.contains(w));
            }
        }
    }

    private static boolean stagingIsEmpty(KbLayout kb) throws Exception {
        if (!Files.exists(kb.stagingDir())) {
            return true;
        }
        try (Stream<Path> s = Files.list(kb.stagingDir())) {
            return s.findAny().isEmpty();
        }
    }
}
