package dev.openkb.cli;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.FileStage;
import dev.openkb.engine.FileStatus;
import dev.openkb.engine.ProgressListener;
import dev.openkb.engine.VisibleText;
import dev.openkb.service.OpenKb;
import dev.openkb.watch.RawWatcher;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code openkb watch}: OpenKB's watch — every supported file that lands in {@code raw/} (new or
 * modified, folders and dot-files ignored) is added through the add pipeline once events have been
 * quiet for the debounce period and the file's size has settled. Each group prints as an add does
 * (per-file lines, then a summary). The first Ctrl-C (or SIGTERM) stops: a file being committed
 * ends committed or rolled back, the rest of its group is cancelled, staging is removed, and the
 * command exits 0; a second Ctrl-C halts at once, as in {@code add}.
 *
 * <p>Threading: the watch runs on the command's thread; the signal handler and the shutdown hook
 * only print, cancel the token and count Ctrl-Cs in an atomic.
 */
@Command(name = "watch", description = "Watch raw/ and add each new or modified supported file (debounced; Ctrl-C stops).")
final class WatchCommand implements Callable<Integer> {
    static final String STOPPING = "Stopping watch… (Ctrl-C again to abort at once; the next command recovers the KB)";

    @Spec
    CommandSpec spec;

    @Mixin
    KbOptions kb;

    @Option(names = {"-j", "--jobs"}, description = "Files prepared at once (default: file_processing_jobs, 2).")
    Integer jobs;

    @Option(names = "--debounce", paramLabel = "SECONDS", defaultValue = "2",
            description = "Quiet time after the last change in raw/ before adding (default: ${DEFAULT-VALUE}, as OpenKB).")
    double debounce;

    @Override
    public Integer call() throws Exception {
        if (!(debounce >= 0 && debounce <= 3600)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--debounce must be between 0 and 3600 seconds");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Terminal terminal = ((Main) spec.root().userObject()).terminal();
        CancelToken cancel = new CancelToken();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
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
                err.println(AddCommand.ABORTED);
                Runtime.getRuntime().halt(AddCommand.INTERRUPTED);
            }
        });
        try (OpenKb engine = kb.engine(err, w -> err.println("[WARN] " + w))) {
            var service = engine.kb(kb.layout());
            Path raw = service.layout().rawDir();
            RawWatcher.Settings settings = new RawWatcher.Settings(Duration.ofMillis(Math.round(debounce * 1000)),
                    RawWatcher.Settings.OPENKB.settle());
            service.watch(jobs, settings, new Groups(out, terminal), cancel, () -> {
                out.println("Watching " + VisibleText.escape(raw.toString()) + " for new and changed files (Ctrl-C to stop)…");
                out.flush();
            });
            out.println("Stopped watching.");
            return Main.OK;
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

    /**
     * Prints each group of landed files as {@code add} prints a batch: a fresh {@link CliProgress}
     * per group, closed by its summary. A file whose content the KB already holds is not printed:
     * every add publishes the document's copy as {@code raw/<doc_name><ext>}, which lands in the
     * watched folder again (OpenKB's watch prints a skip for each); a group of nothing else prints
     * nothing. Thread-safe: synchronized, as events come from workers.
     */
    static final class Groups implements ProgressListener {
        /** The prefilter's reason for content already registered (add.Prefilter). */
        static final String KNOWN = "already in the knowledge base";
        private final PrintWriter out;
        private final Terminal terminal;
        private CliProgress current;
        private int total;
        private boolean shown;

        Groups(PrintWriter out, Terminal terminal) {
            this.out = out;
            this.terminal = terminal;
        }

        @Override
        public synchronized void batchStarted(int total) {
            current = new CliProgress(out, terminal);
            this.total = total;
            shown = false;
        }

        /** The group's header, once it has something to show. */
        private void show() {
            if (!shown) {
                shown = true;
                current.batchStarted(total);
            }
        }

        @Override
        public synchronized void fileStage(Path file, int index, int total, FileStage stage, String detail) {
            if (stage != FileStage.QUEUED && stage != FileStage.HASHING) {
                show();
                current.fileStage(file, index, total, stage, detail);
            }
        }

        @Override
        public synchronized void fileDone(Path file, int index, int total, String docName, FileStatus status, String reason) {
            if (status == FileStatus.SKIPPED && reason != null && reason.startsWith(KNOWN)) {
                return;
            }
            show();
            current.fileDone(file, index, total, docName, status, reason);
        }

        @Override
        public synchronized void batchFinished(int added, int skipped, int failed, int cancelled) {
            if (shown) {
                current.batchFinished(added, skipped, failed, cancelled);
                current.summary(new dev.openkb.engine.AddSummary(added, skipped, failed, cancelled, 0, 0));
                out.flush();
            }
        }

        @Override
        public synchronized void message(String text) {
            out.println(VisibleText.escapeKeepingNewlines(text));
        }
    }
}
