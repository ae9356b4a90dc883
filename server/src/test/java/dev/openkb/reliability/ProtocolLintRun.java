package dev.openkb.reliability;

import dev.openkb.journal.Recovery;
import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Layer 5's run: traces a 3-document add of the built CLI with {@code strace -f -y}, then the
 * {@code openkb recover} that rolls back an add SIGKILLed half-way, and lints both traces.
 * Stateless.
 */
public final class ProtocolLintRun {
    public static final String LAYER = "protocol-lint";
    static final String TRACED = "trace=openat,write,pwrite64,writev,fsync,fdatasync,rename,renameat,renameat2,link,linkat,"
            + "unlink,unlinkat,mkdir,mkdirat,rmdir,sendfile,copy_file_range";

    /** What was traced and what the lint found. */
    public record Result(int addCalls, long journalWrites, int recoverCalls, boolean restored, List<String> addViolations,
                         List<String> rollbackViolations, List<String> afterRollback) {
    }

    private ProtocolLintRun() {
    }

    public static Result run(Path work) throws IOException, InterruptedException {
        Workbench wb = new Workbench(Scenarios.byName("add-3"), work, Manifests.TIMELESS);
        Path kb = wb.copy("traced-add");
        List<StraceTrace.Call> add = traced(work, SyscallKillSweep.add(wb, kb), "add");
        long marks = add.stream().filter(c -> c.name().startsWith("rename") && c.path(1) != null
                && c.path(1).startsWith(kb.resolve(".openkb/journal").toString())).count();
        Path crashed = crashedMidAdd(wb, work);
        List<StraceTrace.Call> recover = traced(work, Cli.openkb("recover", "--kb", crashed.toString()), "recover");
        boolean restored = recover.stream().anyMatch(c -> c.name().startsWith("rename") && c.path(1) != null
                && c.path(1).startsWith(crashed.resolve("wiki").toString()));
        return new Result(add.size(), marks, recover.size(), restored, ProtocolLint.check(kb, add, false),
                ProtocolLint.check(crashed, recover, true), KbInvariants.check(new KbLayout(crashed), wb.crashStates(), wb.manifests()));
    }

    /** As a layer result: two traces linted, divergent when either has a violation. */
    public static LayerResult asLayer(Result r) {
        LayerResult out = new LayerResult(LAYER, "traces linted");
        for (List<String> v : List.of(r.addViolations(), r.rollbackViolations())) {
            out.tried();
            if (!v.isEmpty()) {
                out.diverged(new Divergence(LAYER, "add-3", "trace", 0, v, Replay.command(LAYER, "add-3", "trace", 0)));
            }
        }
        out.note("add trace: " + r.addCalls() + " file-system calls, " + r.journalWrites() + " journal writes; rollback trace: "
                + r.recoverCalls() + " calls");
        return out;
    }

    private static List<StraceTrace.Call> traced(Path work, List<String> command, String name) throws IOException, InterruptedException {
        Path trace = work.resolve(name + ".trace");
        Path log = work.resolve(name + ".log");
        int rc = Cli.run(Cli.strace(trace, List.of("-y", "-e", TRACED), command), log, Duration.ofMinutes(5));
        if (rc != 0) {
            throw new IOException(name + " failed with exit " + rc + ": " + Files.readString(log));
        }
        return StraceTrace.parse(Files.readAllLines(trace, StandardCharsets.UTF_8));
    }

    /** A KB whose add was SIGKILLed at a rename while a journal was active with pages already changed. */
    private static Path crashedMidAdd(Workbench wb, Path work) throws IOException, InterruptedException {
        int renames = SyscallKillSweep.points(wb, work).get("rename");
        List<Path> tried = new ArrayList<>();
        for (int n = renames / 2; n > 0; n--) {
            Path kb = wb.copy("crashed-" + n);
            Cli.run(Cli.strace(Path.of("/dev/null"), List.of("-e", "trace=rename", "-e", "inject=rename:signal=SIGKILL:when=" + n),
                    SyscallKillSweep.add(wb, kb)), work.resolve("crash.log"), Duration.ofMinutes(5));
            if (!Recovery.pendingJournals(new KbLayout(kb)).isEmpty()) {
                return kb;
            }
            tried.add(kb);
        }
        throw new IOException("no kill point left an active journal: " + tried);
    }
}
