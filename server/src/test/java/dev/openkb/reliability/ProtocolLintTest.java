package dev.openkb.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The protocol lint on small hand-written traces: it passes a correct write-ahead sequence and names each broken rule. */
class ProtocolLintTest {
    static final Path KB = Path.of("/kb");
    static final String J = "/kb/.openkb/journal";
    static final String B = "/kb/.openkb/staging/rollback-0a";

    /** A correct transaction: before-image linked and synced, journal durable, then the page written through a synced temp. */
    private static List<String> goodCommit() {
        return new ArrayList<>(List.of(
                "100 mkdir(\"" + B + "\", 0777) = 0",
                "100 fsync(7</kb/.openkb/staging>) = 0",
                "100 link(\"/kb/wiki/a.md\", \"" + B + "/00001-a.md\") = 0",
                "100 fsync(7<" + B + ">) = 0",
                "100 openat(AT_FDCWD, \"" + J + "/.0a.json.1a2b3c4d.tmp\", O_WRONLY|O_CREAT|O_EXCL, 0666) = 8<" + J + "/.0a.json.1a2b3c4d.tmp>",
                "100 write(8<" + J + "/.0a.json.1a2b3c4d.tmp>, \"{\"..., 300) = 300",
                "100 fsync(8<" + J + "/.0a.json.1a2b3c4d.tmp>) = 0",
                "100 rename(\"" + J + "/.0a.json.1a2b3c4d.tmp\", \"" + J + "/0a.json\") = 0",
                "100 fsync(9<" + J + ">) = 0",
                "100 openat(AT_FDCWD, \"" + B + "/tmp/.a.md.11111111.tmp\", O_WRONLY|O_CREAT|O_EXCL, 0666) = 8<" + B + "/tmp/.a.md.11111111.tmp>",
                "100 write(8<" + B + "/tmp/.a.md.11111111.tmp>, \"new\", 3) = 3",
                "100 fsync(8<" + B + "/tmp/.a.md.11111111.tmp>) = 0",
                "101 rename(\"" + B + "/tmp/.a.md.11111111.tmp\", \"/kb/wiki/a.md\" <unfinished ...>",
                "100 write(1<pipe:[5]>, \"progress\", 8) = 8",
                "101 <... rename resumed>) = 0",
                "101 fsync(10</kb/wiki>) = 0",
                "101 rename(\"" + J + "/.0a.json.2b3c4d5e.tmp\", \"" + J + "/0a.json\") = 0",
                "101 fsync(9<" + J + ">) = 0",
                "101 unlink(\"" + B + "/00001-a.md\") = 0",
                "101 rmdir(\"" + B + "\") = 0",
                "101 unlink(\"" + J + "/0a.json\") = 0"));
    }

    private static List<String> lint(List<String> trace) {
        return ProtocolLint.check(KB, StraceTrace.parse(trace), false);
    }

    @Test
    void aWriteAheadSequenceIsClean() {
        assertEquals(List.of(), lint(goodCommit()));
    }

    @Test
    void dataRenamedBeforeItsFsyncIsL1() {
        List<String> t = goodCommit();
        t.remove("100 fsync(8<" + B + "/tmp/.a.md.11111111.tmp>) = 0");
        assertTrue(lint(t).stream().anyMatch(v -> v.startsWith("L1: .openkb/staging/rollback-0a/tmp/.a.md.11111111.tmp renamed to wiki/a.md")),
                lint(t).toString());
    }

    @Test
    void aBeforeImageNotSyncedWhenThePageChangesIsL2() {
        List<String> t = goodCommit();
        t.remove("100 fsync(7<" + B + ">) = 0");
        assertTrue(lint(t).stream().anyMatch(v -> v.startsWith("L2: rename wiki/a.md while link .openkb/staging/rollback-0a/00001-a.md")),
                lint(t).toString());
    }

    @Test
    void aKbChangeBeforeAnyJournalIsL2() {
        List<String> t = List.of("100 unlink(\"/kb/wiki/b.md\") = 0");
        assertEquals(List.of("L2: unlink wiki/b.md before any journal was written (call 0)"), lint(t));
    }

    @Test
    void aPageNotSyncedBeforeTheCommitMarkIsL3() {
        List<String> t = goodCommit();
        t.remove("101 fsync(10</kb/wiki>) = 0");
        assertTrue(lint(t).contains("L3: rename wiki/a.md not durable before the last journal write of 0a"), lint(t).toString());
    }

    @Test
    void aBeforeImageDeletedBeforeTheJournalIsTerminalIsL4() {
        List<String> t = goodCommit();
        t.remove("101 rename(\"" + J + "/.0a.json.2b3c4d5e.tmp\", \"" + J + "/0a.json\") = 0");
        assertTrue(lint(t).stream().anyMatch(v -> v.startsWith("L4: before-image .openkb/staging/rollback-0a/00001-a.md deleted")),
                lint(t).toString());
    }

    @Test
    void failedCallsDoNotCount() {
        assertEquals(List.of(), lint(List.of("100 unlink(\"/kb/wiki/b.md\") = -1 ENOENT (No such file or directory)")));
    }
}
