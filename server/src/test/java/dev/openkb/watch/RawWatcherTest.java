package dev.openkb.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What watch hands to the add pipeline (issue 17.2): settled, supported, real files in raw/, nothing through a link. */
class RawWatcherTest {
    @TempDir
    Path dir;

    private final CancelToken cancel = new CancelToken();
    private final BlockingQueue<List<String>> landed = new LinkedBlockingQueue<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private Thread thread;

    /** Starts watching {@code raw} on a thread; returns once the watches are in place. */
    private Path watch(Duration debounce, Duration settle) throws Exception {
        Path raw = Files.createDirectories(dir.resolve("kb/raw"));
        CountDownLatch ready = new CountDownLatch(1);
        RawWatcher w = new RawWatcher(raw, p -> p.toString().endsWith(".md") || p.toString().endsWith(".txt"), new RawWatcher.Settings(debounce, settle));
        thread = new Thread(() -> {
            try {
                w.run(files -> landed.add(files.stream().map(f -> raw.relativize(f) + "=" + read(f)).toList()), cancel, ready::countDown);
            } catch (Throwable t) {
                failure.set(t);
                ready.countDown();
            }
        }, "watcher");
        thread.start();
        assertTrue(ready.await(30, TimeUnit.SECONDS));
        return raw;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "unreadable";
        }
    }

    private List<String> next() throws Exception {
        List<String> l = landed.poll(60, TimeUnit.SECONDS);
        assertTrue(l != null, "files were handed on");
        return l;
    }

    @AfterEach
    void stop() throws Exception {
        cancel.cancel();
        if (thread != null) {
            thread.join(30_000);
            assertTrue(!thread.isAlive(), "cancelling stops the watcher");
        }
        assertEquals(null, failure.get());
    }

    @Test
    void newFilesInRawAndItsNewSubfoldersAreHandedOnSortedButNotHiddenUnsupportedOrLinkedOnes() throws Exception {
        Path outside = Files.writeString(dir.resolve("secret.md"), "outside the KB");
        Files.createDirectories(dir.resolve("outdir"));
        Files.writeString(dir.resolve("outdir/inner.md"), "outside too");
        Path raw = watch(Duration.ofMillis(200), Duration.ofMillis(100));

        Files.createSymbolicLink(raw.resolve("link.md"), outside);
        Files.createSymbolicLink(raw.resolve("linkdir"), dir.resolve("outdir"));
        Files.writeString(raw.resolve(".hidden.md"), "dot-file");
        Files.createDirectories(raw.resolve(".git"));
        Files.writeString(raw.resolve(".git/config.md"), "in a dot-folder");
        Files.writeString(raw.resolve("image.png"), "unsupported");
        Files.createDirectories(raw.resolve("sub/deeper"));
        Files.writeString(raw.resolve("sub/deeper/c.txt"), "c");
        Files.writeString(raw.resolve("b.md"), "b");

        assertEquals(List.of("b.md=b", "sub/deeper/c.txt=c"), next());
        Files.writeString(raw.resolve("b.md"), "b, edited");
        assertEquals(List.of("b.md=b, edited"), next(), "a modified file is handed on again");
    }

    @Test
    void aFileStillBeingWrittenIsHandedOnOnlyOnceItsSizeHasSettled() throws Exception {
        // The writer pauses for longer than the debounce, inside the settle period.
        Path raw = watch(Duration.ofMillis(100), Duration.ofSeconds(2));
        try (OutputStream o = Files.newOutputStream(raw.resolve("slow.md"))) {
            o.write("first half, ".getBytes(StandardCharsets.UTF_8));
            o.flush();
            Thread.sleep(400); // a slow copy, not a wait for the result
            o.write("second half".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(List.of("slow.md=first half, second half"), next());
        assertEquals(null, landed.poll(3, TimeUnit.SECONDS), "handed on once");
    }

    @Test
    void filesAlreadyInRawWhenWatchingStartsAreLeftAlone() throws Exception {
        Files.createDirectories(dir.resolve("kb/raw"));
        Files.writeString(dir.resolve("kb/raw/old.md"), "old");
        Path raw = watch(Duration.ofMillis(100), Duration.ofMillis(100));
        Files.writeString(raw.resolve("new.md"), "new");
        assertEquals(List.of("new.md=new"), next());
    }

    @Test
    void aRawFolderThatIsASymlinkIsRefused() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createDirectories(dir.resolve("kb"));
        Files.createSymbolicLink(dir.resolve("kb/raw"), elsewhere);
        KbException e = assertThrows(KbException.class, () -> new RawWatcher(dir.resolve("kb/raw"), p -> true,
                RawWatcher.Settings.OPENKB).run(files -> { }, cancel, () -> { }));
        assertEquals(ErrorCode.PATH_OUTSIDE_KB, e.code());
        assertTrue(e.getMessage().contains("symlink"), e.getMessage());
    }
}
