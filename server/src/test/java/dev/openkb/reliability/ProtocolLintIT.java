package dev.openkb.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.journal.Recovery;
import dev.openkb.kb.KbLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Layer 5: the built CLI, traced with {@code strace -f -y}, keeps the write-ahead protocol on disk
 * (data fsynced before every rename, journal durable before the first KB-visible change, changes
 * durable before the commit or rolled-back mark, before-images kept until then) in one 3-document
 * add and in one rollback by {@code openkb recover} after a kill half-way through an add.
 */
class ProtocolLintIT extends RealProcessTestBase {
    static final String TRACED = "trace=openat,write,pwrite64,writev,fsync,fdatasync,rename,renameat,renameat2,link,linkat,"
            + "unlink,unlinkat,mkdir,mkdirat,rmdir,sendfile,copy_file_range";

    private List<StraceTrace.Call> traced(List<String> command, String name) throws Exception {
        Path trace = dir.resolve(name + ".trace");
        int rc = Cli.run(Cli.strace(trace, List.of("-y", "-e", TRACED), command), dir.resolve(name + ".log"), Duration.ofMinutes(5));
        assertEquals(0, rc, () -> name + " failed: " + read(dir.resolve(name + ".log")));
        return StraceTrace.parse(Files.readAllLines(trace, StandardCharsets.UTF_8));
    }

    @Test
    void anAddAndARollbackKeepTheWriteAheadProtocol() throws Exception {
        Workbench wb = new Workbench(Scenarios.byName("add-3"), dir, Manifests.TIMELESS);
        Path kb = wb.copy("traced-add");
        List<StraceTrace.Call> add = traced(SyscallKillSweep.add(wb, kb), "add");
        long marks = add.stream().filter(c -> c.name().startsWith("rename") && c.path(1) != null
                && c.path(1).startsWith(kb.resolve(".openkb/journal").toString())).count();
        assertTrue(marks >= 6, "three transactions, each with journal writes and a commit mark: " + marks);
        assertEquals(List.of(), ProtocolLint.check(kb, add, false), "add");

        Path crashed = crashedMidAdd(wb);
        List<StraceTrace.Call> recover = traced(Cli.openkb("recover", "--kb", crashed.toString()), "recover");
        assertTrue(recover.stream().anyMatch(c -> c.name().startsWith("rename") && c.path(1) != null
                && c.path(1).startsWith(crashed.resolve("wiki").toString())), "the recovery restored pages");
        assertEquals(List.of(), ProtocolLint.check(crashed, recover, true), "rollback");
        assertEquals(List.of(), KbInvariants.check(new KbLayout(crashed), wb.crashStates(), wb.manifests()));
    }

    /** A KB whose add was SIGKILLed at a rename while a journal was active with pages already changed. */
    private Path crashedMidAdd(Workbench wb) throws Exception {
        int renames = SyscallKillSweep.points(wb, dir).get("rename");
        for (int n = renames / 2; n > 0; n--) {
            Path kb = wb.copy("crashed-" + n);
            Cli.run(Cli.strace(Path.of("/dev/null"), List.of("-e", "trace=rename", "-e", "inject=rename:signal=SIGKILL:when=" + n),
                    SyscallKillSweep.add(wb, kb)), dir.resolve("crash.log"), Duration.ofMinutes(5));
            if (!Recovery.pendingJournals(new KbLayout(kb)).isEmpty()) {
                return kb;
            }
        }
        throw new AssertionError("no kill point left an active journal");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
