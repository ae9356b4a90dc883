package dev.openkb.bench;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.FileStatus;
import dev.openkb.engine.ProgressListener;
import dev.openkb.io.AtomicFiles;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbInit;
import dev.openkb.kb.KbLayout;
import dev.openkb.service.OpenKb;
import dev.openkb.watch.RawWatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code watch}'s latency: from a file landing in {@code raw/} (renamed in, as a finished download
 * does) to its commit, with the debounce set to zero so it is excluded (OpenKB waits 2 s more); the
 * settle check (500 ms: size and mtime unchanged) is included. One file at a time, each waited for.
 * Run: {@code java -cp <server classes and deps>:bench/target/classes dev.openkb.bench.WatchBench [files] [base]}.
 */
public final class WatchBench {
    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path base = Files.createTempDirectory(args.length > 1 ? Path.of(args[1]) : Path.of(System.getProperty("java.io.tmpdir")), "watch-bench");
        KbLayout kb = new KbInit(new AtomicFiles(new RealFileOps())).init(base.resolve("kb"), "offline", "en");
        BlockingQueue<Long> committed = new LinkedBlockingQueue<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void fileDone(Path file, int index, int total, String docName, FileStatus status, String reason) {
                if (status == FileStatus.ADDED) {
                    committed.add(System.nanoTime());
                }
            }
        };
        CancelToken cancel = new CancelToken();
        CountDownLatch ready = new CountDownLatch(1);
        try (OpenKb engine = new OpenKb(w -> { })) {
            Thread watcher = new Thread(() -> {
                try {
                    engine.kb(kb).watch(1, new RawWatcher.Settings(Duration.ZERO, RawWatcher.Settings.OPENKB.settle()), listener, cancel, ready::countDown);
                } catch (Exception e) {
                    e.printStackTrace();
                }
            }, "watch");
            watcher.start();
            ready.await();
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < files; i++) {
                Path draft = Files.writeString(base.resolve("draft-" + i + ".md"),
                        "# Note " + i + "\n\nA note about Topic" + (i % 7) + " and Person Name" + (i % 5) + ", number " + i + ".\n");
                long t0 = System.nanoTime();
                Files.move(draft, kb.rawDir().resolve("note-" + i + ".md"), StandardCopyOption.ATOMIC_MOVE);
                Long t1 = committed.poll(120, TimeUnit.SECONDS);
                if (t1 == null) {
                    throw new IllegalStateException("file " + i + " was not committed");
                }
                ms.add((t1 - t0) / 1e6);
                // Our own published copy (raw/note-i.md is its own doc name) raises one more event: let it pass.
                Thread.sleep(700);
            }
            cancel.cancel();
            watcher.join();
            Collections.sort(ms);
            System.out.printf("watch: %d files, landing → committed (debounce 0, settle 500 ms): median %.0f ms, p90 %.0f ms, min %.0f, max %.0f%n",
                    files, ms.get(ms.size() / 2), ms.get((int) Math.floor(ms.size() * 0.9)), ms.get(0), ms.get(ms.size() - 1));
        }
    }
}
