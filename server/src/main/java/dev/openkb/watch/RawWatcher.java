package dev.openkb.watch;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * OpenKB's {@code watch}: watches a KB's {@code raw/} recursively and hands each new or modified
 * supported file to a {@link Sink}, in sorted order, once no event has come for the debounce period
 * (2 s, as OpenKB) and the file's size and modification time have stayed the same over the settle
 * period (a file still being copied is not read half-written). Folders and dot-files (and everything
 * under a dot-folder) are ignored; files that exist when watching starts are not added.
 *
 * <p>{@code raw/} is KB content, so untrusted: {@code raw/} itself must be a real folder (not a
 * symlink); inside it nothing is followed — a symlinked file or folder, a FIFO or a device is never
 * handed on, so a link planted in a cloned KB cannot make watch read a file outside it. When the
 * kernel's event queue overflows, the whole tree is handed on again (the add pipeline skips what it
 * already holds by content hash).
 *
 * <p>Threading: {@link #run} occupies the caller's thread until the token is cancelled; the sink runs
 * on that thread. Cancelling (from any thread) closes the watch service, which wakes the loop. All
 * state lives in {@code run}'s locals.
 */
public final class RawWatcher {
    /** Receives the files that settled, sorted by path; runs on the watcher's thread. */
    public interface Sink {
        void landed(List<Path> files) throws IOException;
    }

    /**
     * @param debounce quiet time after the last event before anything is added (OpenKB: 2 s)
     * @param settle   how long a file's size and mtime must stay unchanged before it is read
     */
    public record Settings(Duration debounce, Duration settle) {
        public static final Settings OPENKB = new Settings(Duration.ofSeconds(2), Duration.ofMillis(500));
    }

    private record Stamp(long size, long modified) {
    }

    private final Path raw;
    private final Predicate<Path> supported;
    private final Settings settings;

    public RawWatcher(Path raw, Predicate<Path> supported, Settings settings) {
        this.raw = raw.toAbsolutePath().normalize();
        this.supported = supported;
        this.settings = settings;
    }

    /** Watches until {@code cancel} is cancelled; {@code ready} runs once the watches are in place. */
    public void run(Sink sink, CancelToken cancel, Runnable ready) throws IOException {
        BasicFileAttributes rawAttrs;
        try {
            rawAttrs = Files.readAttributes(raw, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new KbException(ErrorCode.NOT_FOUND, raw, "the knowledge base has no raw/ folder to watch");
        }
        if (!rawAttrs.isDirectory()) {
            throw new KbException(ErrorCode.PATH_OUTSIDE_KB, raw, "raw/ is " + (rawAttrs.isSymbolicLink() ? "a symlink" : "not a folder")
                    + "; watch follows no link out of the knowledge base");
        }
        CountDownLatch stop = new CountDownLatch(1);
        try (WatchService ws = raw.getFileSystem().newWatchService()) {
            Runnable unlink = cancel.register(() -> {
                stop.countDown();
                closeQuietly(ws);
            });
            try {
                Map<WatchKey, Path> dirs = new HashMap<>();
                registerTree(ws, raw, dirs, null);
                ready.run();
                loop(ws, dirs, sink, cancel, stop);
            } catch (ClosedWatchServiceException cancelled) {
                // cancel closed the service: a clean stop
            } finally {
                unlink.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop(WatchService ws, Map<WatchKey, Path> dirs, Sink sink, CancelToken cancel, CountDownLatch stop)
            throws IOException, InterruptedException {
        TreeMap<Path, Stamp> pending = new TreeMap<>();
        long deadline = 0;
        while (!cancel.isCancelled()) {
            WatchKey key;
            if (pending.isEmpty()) {
                key = ws.take();
            } else {
                long wait = deadline - System.nanoTime();
                key = wait > 0 ? ws.poll(wait, TimeUnit.NANOSECONDS) : null;
            }
            if (key == null) {
                List<Path> ready = settled(pending, cancel, stop);
                if (!ready.isEmpty() && !cancel.isCancelled()) {
                    sink.landed(ready);
                }
                // Files still growing are looked at again after another settle period.
                deadline = System.nanoTime() + settings.settle().toNanos();
                continue;
            }
            Path dir = dirs.get(key);
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.OVERFLOW || dir == null) {
                    registerTree(ws, raw, dirs, pending); // events were lost: look at everything again
                    continue;
                }
                note(ws, dirs, pending, dir.resolve((Path) event.context()), event.kind() == StandardWatchEventKinds.ENTRY_CREATE);
            }
            if (!key.reset()) {
                dirs.remove(key);
            }
            deadline = System.nanoTime() + settings.debounce().toNanos();
        }
    }

    /** One created or modified path: a supported regular file becomes pending; a new folder is watched too. */
    private void note(WatchService ws, Map<WatchKey, Path> dirs, Map<Path, Stamp> pending, Path p, boolean created) throws IOException {
        if (hidden(p)) {
            return;
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException gone) {
            pending.remove(p);
            return;
        }
        if (a.isDirectory()) {
            if (created) {
                registerTree(ws, p, dirs, pending); // files may have landed before the watch was in place
            }
        } else if (a.isRegularFile() && supported.test(p)) {
            pending.put(p, null);
        }
    }

    /**
     * Removes from {@code pending} and returns (sorted) the files whose size and mtime did not change
     * over the settle period; vanished or no-longer-regular files are dropped, changing ones stay.
     */
    private List<Path> settled(TreeMap<Path, Stamp> pending, CancelToken cancel, CountDownLatch stop) throws InterruptedException {
        for (Map.Entry<Path, Stamp> e : pending.entrySet()) {
            e.setValue(stamp(e.getKey()));
        }
        if (stop.await(settings.settle().toNanos(), TimeUnit.NANOSECONDS) || cancel.isCancelled()) {
            return List.of();
        }
        List<Path> ready = new ArrayList<>();
        for (Iterator<Map.Entry<Path, Stamp>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, Stamp> e = it.next();
            Stamp now = stamp(e.getKey());
            if (now == null) {
                it.remove();
            } else if (now.equals(e.getValue())) {
                ready.add(e.getKey());
                it.remove();
            }
        }
        return ready;
    }

    /** Size and mtime of a regular file (not through a link), or null if it is gone or is not one. */
    private static Stamp stamp(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() ? new Stamp(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS)) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Watches {@code top} and every folder under it (no link followed, dot-folders skipped); with
     * {@code found} non-null, the supported files already there become pending.
     */
    private void registerTree(WatchService ws, Path top, Map<WatchKey, Path> dirs, Map<Path, Stamp> found) throws IOException {
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(raw) && hidden(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                dirs.put(dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY), dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (found != null && attrs.isRegularFile() && !hidden(file) && supported.test(file)) {
                    found.put(file, null);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE; // gone or unreadable: nothing to add
            }
        });
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static void closeQuietly(WatchService ws) {
        try {
            ws.close();
        } catch (IOException e) {
            // closing only wakes the loop; nothing to keep
        }
    }
}
