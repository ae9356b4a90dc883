package dev.openkb.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.openkb.engine.CancelToken;
import dev.openkb.engine.FileStage;
import dev.openkb.engine.FileStatus;
import dev.openkb.engine.KbException;
import dev.openkb.engine.ProgressListener;
import dev.openkb.watch.RawWatcher;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The setting {@code openkb.watch} (off by default): while it is on, the server watches the
 * {@code raw/} folder of every KB it opened at initialize and adds what lands there, as
 * {@code openkb watch} does, each group reported like an {@code openkb/add} — {@code $/progress}
 * (when the client creates progress) and {@code openkb/fileProgress} — with the KB's snapshot
 * reloaded after commits. A watch that fails (raw/ missing or a symlink, a failed rollback) is
 * logged and ends; the others go on.
 *
 * <p>Threading: {@link #start} and {@link #close} are called by the server's lifecycle; each watch
 * runs on its own daemon thread with its own token, which {@link #close} cancels (shutdown), then
 * waits for the thread, so a group being committed ends committed or rolled back.
 */
final class RawWatches implements AutoCloseable {
    private static final Duration RELOAD_DELAY = Duration.ofMillis(500);

    private record Running(CancelToken cancel, Thread thread) {
    }

    private final ServerContext ctx;
    private final List<Running> running = new CopyOnWriteArrayList<>();

    RawWatches(ServerContext ctx) {
        this.ctx = ctx;
    }

    /** {@code initializationOptions.settings.openkb.watch}: on only when it is literally {@code true}. */
    static boolean enabled(Object initializationOptions) {
        if (!(initializationOptions instanceof JsonObject o)
                || !(o.get("settings") instanceof JsonObject settings)
                || !(settings.get("openkb") instanceof JsonObject openkb)) {
            return false;
        }
        JsonElement w = openkb.get("watch");
        return w != null && w.isJsonPrimitive() && w.getAsJsonPrimitive().isBoolean() && w.getAsBoolean();
    }

    /**
     * OpenKB's debounce and settle times, with the debounce from {@code initializationOptions.watchDebounceMs}
     * (0..60000) when given (tests and benchmarks shorten it, as {@code diagnosticsDelayMs}).
     */
    static RawWatcher.Settings settings(Object initializationOptions) {
        RawWatcher.Settings s = RawWatcher.Settings.OPENKB;
        JsonElement e = initializationOptions instanceof JsonObject o ? o.get("watchDebounceMs") : null;
        if (e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            long ms = e.getAsLong();
            if (ms >= 0 && ms <= 60_000) {
                s = new RawWatcher.Settings(Duration.ofMillis(ms), s.settle());
            }
        }
        return s;
    }

    void start(KbSession kb, RawWatcher.Settings settings) {
        CancelToken cancel = new CancelToken();
        Thread t = new Thread(() -> run(kb, settings, cancel), "openkb-watch-" + kb.root().getFileName());
        t.setDaemon(true);
        running.add(new Running(cancel, t));
        t.start();
    }

    private void run(KbSession kb, RawWatcher.Settings settings, CancelToken cancel) {
        try {
            kb.service().watch(null, settings, new Groups(kb), cancel,
                    () -> ctx.outbox().log(MessageType.Info, "OpenKB: watching " + kb.root().resolve("raw") + " (openkb.watch)"));
        } catch (KbException e) {
            ctx.outbox().log(MessageType.Error, "OpenKB: stopped watching " + kb.root().resolve("raw") + ": " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            ctx.outbox().log(MessageType.Error, "OpenKB: stopped watching " + kb.root().resolve("raw") + ": "
                    + KbException.fromIo(e instanceof IOException io ? io : new IOException(e.toString())).getMessage());
        }
    }

    /** One progress per group of landed files, as an add reports. Events come from the pipeline's threads. */
    private final class Groups implements ProgressListener {
        private final KbSession kb;
        private volatile AddProgress current;
        private volatile Either<String, Integer> token;

        Groups(KbSession kb) {
            this.kb = kb;
        }

        @Override
        public void batchStarted(int total) {
            ServerOptions o = ctx.options().get();
            if (ctx.clientCreatesProgress().getAsBoolean()) {
                token = Either.forLeft("openkb-watch-" + UUID.randomUUID());
                current = AddProgress.onServerToken(ctx.outbox(), ctx.timer(), o.progressInterval(), token, o.progressCreateTimeout());
            } else {
                current = AddProgress.fileProgressOnly(ctx.outbox());
            }
            current.begin("OpenKB: watch", "adding " + total + " file(s) from raw/");
            current.batchStarted(total);
        }

        @Override
        public void fileStage(Path file, int index, int total, FileStage stage, String detail) {
            current.fileStage(file, index, total, stage, detail);
        }

        @Override
        public void fileDone(Path file, int index, int total, String docName, FileStatus status, String reason) {
            current.fileDone(file, index, total, docName, status, reason);
            if (status == FileStatus.ADDED) {
                ctx.debouncer().schedule(kb, RELOAD_DELAY, kb::reload);
            }
        }

        @Override
        public void batchFinished(int added, int skipped, int failed, int cancelled) {
            current.batchFinished(added, skipped, failed, cancelled);
            current.end(current.current().summary());
        }
    }

    /** Stops every watch and waits (up to {@code grace} in all) for a group being committed to end. */
    void stop(Duration grace) {
        running.forEach(r -> r.cancel().cancel());
        long deadline = System.nanoTime() + grace.toNanos();
        for (Running r : running) {
            try {
                r.thread().join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        running.clear();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }
}
