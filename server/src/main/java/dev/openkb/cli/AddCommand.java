package dev.openkb.cli;

import dev.openkb.engine.VisibleText;
import dev.openkb.add.AddReport;
import dev.openkb.engine.CancelToken;
import dev.openkb.service.OpenKb;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
 * {@code openkb add}: Ctrl-C cancels through the engine's token. The JVM's shutdown hook cancels,
 * then waits for the batch to finish the file it is committing (committed or rolled back) and to
 * remove its staging, so an interrupt never leaves a half-written KB.
 */
@Command(name = "add", description = "Add files and folders to the knowledge base (concurrent prepare, serialized journaled commits).")
final class AddCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KbOptions kb;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders (folders are walked recursively).")
    List<Path> paths;

    /** Held so the JDK cannot collect the configured logger (JUL keeps loggers weakly) while we run. */
    private Logger debugLogger;

    @Option(names = {"-j", "--jobs"}, description = "Files prepared at once (default: file_processing_jobs, 2).")
    Integer jobs;

    @Override
    public Integer call() throws Exception {
        if (kb.verbose) {
            debugLogger = debugTimings();
        }
        CancelToken cancel = new CancelToken();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.cancel();
            try {
                finished.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "openkb-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        try (OpenKb engine = kb.engine(spec.commandLine().getErr(), w -> spec.commandLine().getErr().println("[WARN] " + w))) {
            CliProgress progress = new CliProgress(spec.commandLine().getOut(), System.console() != null);
            AddReport r = engine.kb(kb.layout()).add(paths, jobs, progress, cancel);
            r.passedOver().forEach(s -> spec.commandLine().getErr().println("[SKIP] " + VisibleText.escape(s.path().toString()) + ": " + VisibleText.escape(s.reason())));
            if (r.stoppedReason() != null) {
                spec.commandLine().getErr().println("[ERROR] " + VisibleText.escapeKeepingNewlines(r.stoppedReason()));
            }
            return r.failed() > 0 || r.stoppedReason() != null ? Main.FAILURE : Main.OK;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C is in progress: the hook is running and now returns.
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
