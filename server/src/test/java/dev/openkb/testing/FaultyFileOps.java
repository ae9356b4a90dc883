package dev.openkb.testing;

import dev.openkb.io.FileOps;
import dev.openkb.io.RealFileOps;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link FileOps} over the real file system that records every operation and can, at operation
 * number {@code n} (1-based) of a chosen kind: crash (that operation and every later one fails
 * with {@link SimulatedCrash}, so no finally block can tidy up), fail once or persistently with an
 * {@link IOException} of a given message (ENOSPC, EIO...), or halt the JVM (for child-process crash
 * tests). Thread-safe.
 */
public final class FaultyFileOps implements FileOps {
    /** What the JVM looks like after a crash: nothing more reaches the disk. */
    public static final class SimulatedCrash extends Error {
        public SimulatedCrash(String op) {
            super("simulated crash at " + op);
        }
    }

    public enum Mode { CRASH, FAIL_ONCE, FAIL_ALWAYS, HALT }

    private final RealFileOps real = new RealFileOps();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger count = new AtomicInteger();
    private volatile int at = -1;
    private volatile String kind;
    private volatile Mode mode;
    private volatile String message;
    private volatile boolean crashed;

    /** Arms a fault at the {@code n}-th operation whose name starts with {@code kind} (null = any). */
    public FaultyFileOps arm(int n, String kind, Mode mode, String message) {
        this.at = n;
        this.kind = kind;
        this.mode = mode;
        this.message = message;
        this.count.set(0);
        return this;
    }

    public List<String> operations() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    public boolean crashed() {
        return crashed;
    }

    private void before(String op, Path p) throws IOException {
        String entry = op + " " + p;
        if (crashed) {
            throw new SimulatedCrash(entry);
        }
        log.add(entry);
        if (at < 0 || (kind != null && !op.startsWith(kind))) {
            return;
        }
        int n = count.incrementAndGet();
        if (n == at || (mode == Mode.FAIL_ALWAYS && n > at)) {
            switch (mode) {
                case CRASH -> {
                    crashed = true;
                    throw new SimulatedCrash(entry);
                }
                case HALT -> Runtime.getRuntime().halt(137);
                case FAIL_ONCE, FAIL_ALWAYS -> throw new java.nio.file.FileSystemException(p.toString(), null, message);
            }
        }
    }

    @Override
    public void createFile(Path file, InputStream in) throws IOException {
        before("createFile", file);
        real.createFile(file, in);
    }

    @Override
    public void rename(Path from, Path to) throws IOException {
        before("rename", to);
        real.rename(from, to);
    }

    @Override
    public void link(Path existing, Path link) throws IOException {
        before("link", link);
        real.link(existing, link);
    }

    @Override
    public void delete(Path p) throws IOException {
        before("delete", p);
        real.delete(p);
    }

    @Override
    public void createDirectory(Path dir) throws IOException {
        before("createDirectory", dir);
        real.createDirectory(dir);
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        before("syncDirectory", dir);
        real.syncDirectory(dir);
    }

    @Override
    public void syncFile(Path file) throws IOException {
        before("syncFile", file);
        real.syncFile(file);
    }

    @Override
    public void setPermissions(Path p, Set<PosixFilePermission> perms) throws IOException {
        before("setPermissions", p);
        real.setPermissions(p, perms);
    }
}
