package dev.openkb.testing;

import dev.openkb.io.FileOps;
import dev.openkb.io.RealFileOps;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link FileOps} over another one (the real file system by default) that records every
 * operation and can, at operation number {@code n} (1-based) of a chosen kind: crash (that operation
 * and every later one fails with {@link SimulatedCrash}, so no finally block can tidy up), fail once
 * or persistently with an {@link IOException} (a message, or an {@link Errno} as the JDK reports
 * it), or halt the JVM (for child-process crash tests). A failing {@code createFile} leaves what a
 * real full disk leaves: the file, holding the first half of its bytes.
 *
 * <p>Thread-safe: the counters are atomic, the log is synchronized, the arming fields volatile
 * (arm before the run starts).
 */
public final class FaultyFileOps implements FileOps {
    /** What the JVM looks like after a crash: nothing more reaches the disk. */
    public static final class SimulatedCrash extends Error {
        public SimulatedCrash(String op) {
            super("simulated crash at " + op);
        }
    }

    public enum Mode { CRASH, FAIL_ONCE, FAIL_ALWAYS, HALT }

    /** Which operations count towards the armed index: name, path, and rename source or link target. */
    @FunctionalInterface
    private interface Site {
        boolean matches(String op, Path path, Path other);
    }

    private final FileOps real;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<String> fired = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger count = new AtomicInteger();
    private volatile int at = -1;
    private volatile Site kind = (op, p, other) -> true;
    private volatile Mode mode;
    private volatile String message;
    private volatile Errno errno;
    private volatile boolean crashed;

    public FaultyFileOps() {
        this(new RealFileOps());
    }

    /** Over {@code delegate}: e.g. a {@link PowerLossFileOps}, so a crash can be followed by a power loss. */
    public FaultyFileOps(FileOps delegate) {
        this.real = delegate;
    }

    /** Arms a fault at the {@code n}-th operation whose name starts with {@code kind} (null = any). */
    public FaultyFileOps arm(int n, String kind, Mode mode, String message) {
        return arm(n, kind == null ? (op, p, o) -> true : (op, p, o) -> op.startsWith(kind), mode, message, null);
    }

    /** Arms a fault at the {@code n}-th operation whose log line ("delete /kb/x") matches {@code line}. */
    public FaultyFileOps armWhere(int n, java.util.function.Predicate<String> line, Mode mode) {
        return arm(n, (op, p, o) -> line.test(op + " " + p), mode, "injected fault", null);
    }

    /** Arms {@code errno} at the {@code n}-th operation it can happen on ({@link Errno#appliesTo}). */
    public FaultyFileOps arm(int n, Errno errno, Mode mode) {
        return arm(n, errno::appliesTo, mode, errno.message(), errno);
    }

    private FaultyFileOps arm(int n, Site kind, Mode mode, String message, Errno errno) {
        this.at = n;
        this.kind = kind;
        this.mode = mode;
        this.message = message;
        this.errno = errno;
        this.count.set(0);
        return this;
    }

    public List<String> operations() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** The operations at which an injected failure was thrown, in order. */
    public List<String> fired() {
        synchronized (fired) {
            return List.copyOf(fired);
        }
    }

    public boolean crashed() {
        return crashed;
    }

    /** Counts the operation and throws the armed fault if it is due; returns the fault for a createFile to apply itself. */
    private IOException before(String op, Path p, Path other) throws IOException {
        String entry = op + " " + p;
        if (crashed) {
            throw new SimulatedCrash(entry);
        }
        log.add(entry);
        if (at < 0 || !kind.matches(op, p, other)) {
            return null;
        }
        int n = count.incrementAndGet();
        if (n == at || (mode == Mode.FAIL_ALWAYS && n > at)) {
            switch (mode) {
                case CRASH -> {
                    crashed = true;
                    throw new SimulatedCrash(entry);
                }
                case HALT -> Runtime.getRuntime().halt(137);
                case FAIL_ONCE, FAIL_ALWAYS -> {
                    fired.add(entry);
                    IOException e = errno != null ? errno.exception(op, p, other)
                            : new java.nio.file.FileSystemException(p.toString(), null, message);
                    if (op.equals("createFile")) {
                        return e;
                    }
                    throw e;
                }
            }
        }
        return null;
    }

    @Override
    public void createFile(Path file, InputStream in) throws IOException {
        IOException fault = before("createFile", file, null);
        if (fault == null) {
            real.createFile(file, in);
            return;
        }
        if (errno != null && errno != Errno.EACCES) {
            // A write that runs out of space or fails mid-way leaves a created, partly written file.
            byte[] all = in.readAllBytes();
            real.createFile(file, new ByteArrayInputStream(Arrays.copyOf(all, all.length / 2)));
        }
        throw fault;
    }

    @Override
    public void rename(Path from, Path to) throws IOException {
        before("rename", to, from);
        real.rename(from, to);
    }

    @Override
    public void link(Path existing, Path link) throws IOException {
        before("link", link, existing);
        real.link(existing, link);
    }

    @Override
    public void delete(Path p) throws IOException {
        before("delete", p, null);
        real.delete(p);
    }

    @Override
    public void createDirectory(Path dir) throws IOException {
        before("createDirectory", dir, null);
        real.createDirectory(dir);
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        before("syncDirectory", dir, null);
        real.syncDirectory(dir);
    }

    @Override
    public void syncFile(Path file) throws IOException {
        before("syncFile", file, null);
        real.syncFile(file);
    }

    @Override
    public void setPermissions(Path p, Set<PosixFilePermission> perms) throws IOException {
        before("setPermissions", p, null);
        real.setPermissions(p, perms);
    }
}
