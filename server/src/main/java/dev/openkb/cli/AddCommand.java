package dev.openkb.cli;

import dev.openkb.engine.VisibleText;
import dev.openkb.add.AddReport;
import dev.openkb.engine.CancelToken;
import dev.openkb.service.OpenKb;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code openkb add}. The first Ctrl-C says at once that the batch is stopping and cancels through
 * the engine's token: the file being committed ends committed or rolled back, the rest report
 * cancelled, staging is removed, and the command exits 130. A second Ctrl-C halts the JVM at once;
 * that is a crash the journal is built for, and the next command recovers the KB. SIGTERM (no
 * second chance) runs the shutdown hook, which cancels the same way and waits for the batch to end.
 *
 * <p>Threading: the signal handler and the hook run on JVM threads; they only print, cancel the
 * token (thread-safe) and count Ctrl-Cs in an atomic.
 */
@Command(name = "add", description = "Add files and folders to the knowledge base (concurrent prepare, serialized journaled commits).")
final class AddCommand implements Callable<Integer> {
    static final String STOPPING = "Stopping after the current file… (Ctrl-C again to abort at once; the next command recovers the KB)";
    static final String ABORTED = "Aborted. The next openkb command recovers the knowledge base.";
    /** The exit code of a command stopped by Ctrl-C (128 + SIGINT), as shells expect. */
    static final int INTERRUPTED = 130;

    @Spec
    CommandSpec spec;

    @Mixin
    KbOptions kb;

    @Parameters(arity = "1..*", paramLabel = "PATH|URL", description = "Files or folders (folders are walked recursively),"
            + " or http(s) URLs (downloaded into private staging, at most max_download_mb; added after the files).")
    List<String> args;

    /** Held so the JDK cannot collect the configured logger (JUL keeps loggers weakly) while we run. */
    private Logger debugLogger;

    @Option(names = {"-j", "--jobs"}, description = "Files prepared at once (default: file_processing_jobs, 2).")
    Integer jobs;

    @Override
    public Integer call() throws Exception {
        if (kb.verbose) {
            debugLogger = debugTimings();
        }
        PrintWriter err = spec.commandLine().getErr();
        CancelToken cancel = new CancelToken();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            if (!cancel.isCancelled()) {
                err.println(STOPPING.substring(0, STOPPING.indexOf(" (")));
            }
            cancel.cancel();
            try {
                finished.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "openkb-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        AtomicInteger interrupts = new AtomicInteger();
        Runnable restoreCtrlC = CtrlC.handle(() -> {
            if (interrupts.incrementAndGet() == 1) {
                err.println(STOPPING);
                cancel.cancel();
            } else {
                err.println(ABORTED);
                Runtime.getRuntime().halt(INTERRUPTED);
            }
        });
        try (OpenKb engine = kb.engine(err, w -> err.println("[WARN] " + w))) {
            PrintWriter out = spec.commandLine().getOut();
            CliProgress progress = new CliProgress(out, ((Main) spec.root().userObject()).terminal());
            AddInputs inputs = AddInputs.parse(args);
            AddReport r = engine.kb(kb.layout()).add(inputs.paths(), inputs.urls(), jobs, progress, cancel);
            // Per-file lines first, then the summary: stdout is flushed so a terminal showing both
            // streams keeps that order.
            out.flush();
            r.passedOver().forEach(s -> err.println("[SKIP] " + VisibleText.escape(s.path().toString()) + ": " + VisibleText.escape(s.reason())));
            if (r.stoppedReason() != null) {
                err.println("[ERROR] " + VisibleText.escapeKeepingNewlines(r.stoppedReason()));
            }
            err.flush();
            progress.summary(r.summary());
            if (r.failed() > 0 || r.stoppedReason() != null) {
                return Main.FAILURE;
            }
            return interrupts.get() > 0 ? INTERRUPTED : Main.OK;
        } finally {
            restoreCtrlC.run();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // SIGTERM is in progress: the hook is running and now returns.
            }
        }
    }

    /** {@code -v}: the pipeline's per-stage timings (lock wait, prepare, commit) on stderr. */
    private static Logger debugTimings() {
        Logger l = Logger.getLogger("dev.openkb");
        ConsoleHandler h = new ConsoleHandler();
        h.setLevel(Level.FINE);
        l.addHandler(h);
        l.setLevel(Level.FINE);
        return l;
    }
}
