package dev.openkb.testing;

import dev.openkb.io.FileOps;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Power-loss simulation in the spirit of SQLite's crash VFS and LazyFS, over the real file system.
 * It lets every operation through, and remembers what the disk would not yet hold if the power went
 * out now:
 * <ul>
 *   <li>directory entries not yet synced: every creation, rename, link, deletion and mkdir under the
 *       scope stays pending until {@code syncDirectory} of the folder holding the new name (a rename
 *       counts as one atomic entry change, made durable by syncing its destination folder);</li>
 *   <li>file data not yet forced: a file's data is durable when it went through {@code createFile}
 *       (which forces) or {@code syncFile}; any other file that appeared under the scope during the
 *       run (written by converters, SQLite, {@code Files.copy}) is not.</li>
 * </ul>
 * {@link #powerLoss(Random)} then turns the live tree into one possible disk after a power cut: it
 * drops a random subset of the pending entry changes, undoing them newest first (anything replaced
 * or deleted was kept under a hidden hard link, so it can be put back), and truncates unforced file
 * data to a random length. An undo is skipped for a name a later, surviving change owns, and for a
 * name whose folder is gone; undoing a mkdir takes the folder's contents with it, as losing a folder's
 * entry does on a real disk (durable files below it become unreachable).
 *
 * <p>Model limits, chosen to stay on the side of real file systems: entry changes are atomic per
 * name (no torn renames), metadata such as modes counts as durable, and folders created outside the
 * {@link FileOps} (staging) count as durable. A directory rename is undone as a whole.
 *
 * <p>Threading: every method is synchronized on this object (the engine's prepare workers and its
 * mutation thread call at once); {@link #powerLoss} must run after the engine is closed.
 */
public final class PowerLossFileOps implements FileOps {
    private sealed interface State permits Absent, FileState, DirState {
    }

    private record Absent() implements State {
    }

    /** A file's inode ({@code fileKey}), and a hidden hard link keeping it when it is a before-state. */
    private record FileState(Object key, Path hidden) implements State {
    }

    private record DirState(Object key, Set<PosixFilePermission> mode) implements State {
    }

    /** One name's change: what was there before, what the operation left. */
    private record Change(Path name, State before, State after) {
    }

    /** One directory-entry operation, pending until its folder is synced. */
    private static final class EntryOp {
        final String description;
        final List<Change> changes;
        final Path durableIn;
        final boolean directoryMove;
        boolean durable;

        EntryOp(String description, List<Change> changes, Path durableIn, boolean directoryMove) {
            this.description = description;
            this.changes = changes;
            this.durableIn = durableIn;
            this.directoryMove = directoryMove;
        }
    }

    /** What one simulated power loss did. */
    public record Damage(int pendingEntries, List<String> dropped, List<String> torn) {
        @Override
        public String toString() {
            return pendingEntries + " unsynced entry change(s), dropped " + dropped + ", torn " + torn;
        }
    }

    private final FileOps real;
    private final Path scope;
    private final Path hiddenDir;
    private final List<EntryOp> history = new ArrayList<>();
    private final Set<Object> forced = new HashSet<>();
    private final Set<Object> baseline = new HashSet<>();
    private int hiddenSeq;

    /**
     * @param scope     the tree whose durability is modelled (the KB root); files in it now are durable
     * @param hiddenDir a folder outside the scope, on the same file system, for the hidden links
     */
    public PowerLossFileOps(FileOps real, Path scope, Path hiddenDir) throws IOException {
        this.real = real;
        this.scope = scope.toAbsolutePath().normalize();
        this.hiddenDir = Files.createDirectories(hiddenDir.toAbsolutePath().normalize());
        if (Files.isDirectory(this.scope)) {
            try (Stream<Path> s = Files.walk(this.scope)) {
                for (Path p : s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                    baseline.add(key(p));
                }
            }
        }
    }

    /** How many directory-entry changes are not yet durable. */
    public synchronized int pendingEntries() {
        return (int) history.stream().filter(o -> !o.durable).count();
    }

    @Override
    public synchronized void createFile(Path file, InputStream in) throws IOException {
        real.createFile(file, in);
        if (inScope(file)) {
            forced.add(key(file));
            record("create " + file, List.of(new Change(norm(file), new Absent(), stateOf(file, false))), file, false);
        }
    }

    @Override
    public synchronized void rename(Path from, Path to) throws IOException {
        if (!inScope(to) && !inScope(from)) {
            real.rename(from, to);
            return;
        }
        State moved = stateOf(from, true);
        State replaced = stateOf(to, true);
        real.rename(from, to);
        State arrived = moved instanceof FileState f ? new FileState(f.key(), null) : moved;
        record("rename " + from + " -> " + to,
                List.of(new Change(norm(to), replaced, arrived), new Change(norm(from), moved, new Absent())),
                to, moved instanceof DirState);
    }

    @Override
    public synchronized void link(Path existing, Path link) throws IOException {
        real.link(existing, link);
        if (inScope(link)) {
            record("link " + link, List.of(new Change(norm(link), new Absent(), stateOf(link, false))), link, false);
        }
    }

    @Override
    public synchronized void delete(Path p) throws IOException {
        if (!inScope(p) || !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            real.delete(p);
            return;
        }
        State before = stateOf(p, true);
        real.delete(p);
        record("delete " + p, List.of(new Change(norm(p), before, new Absent())), p, false);
    }

    @Override
    public synchronized void createDirectory(Path dir) throws IOException {
        boolean existed = Files.exists(dir, LinkOption.NOFOLLOW_LINKS);
        real.createDirectory(dir);
        if (inScope(dir) && !existed) {
            record("mkdir " + dir, List.of(new Change(norm(dir), new Absent(), stateOf(dir, false))), dir, false);
        }
    }

    @Override
    public synchronized void syncDirectory(Path dir) throws IOException {
        real.syncDirectory(dir);
        Path d = norm(dir);
        for (EntryOp op : history) {
            if (op.durableIn.equals(d)) {
                op.durable = true;
            }
        }
    }

    @Override
    public synchronized void syncFile(Path file) throws IOException {
        real.syncFile(file);
        forced.add(key(file));
    }

    @Override
    public synchronized void setPermissions(Path p, Set<PosixFilePermission> perms) throws IOException {
        real.setPermissions(p, perms);
    }

    /**
     * Cuts the power: drops a random share of the unsynced entry changes (the share itself is drawn
     * from {@code rnd}, so some seeds lose almost nothing and some almost everything), tears each
     * unforced file with probability 1/2, then forgets the history and removes the hidden links.
     */
    public synchronized Damage powerLoss(Random rnd) throws IOException {
        double share = rnd.nextDouble();
        int pending = pendingEntries();
        List<String> dropped = new ArrayList<>();
        for (int i = history.size() - 1; i >= 0; i--) {
            EntryOp op = history.get(i);
            if (!op.durable && rnd.nextDouble() < share) {
                undo(op);
                dropped.add(op.description);
            }
        }
        List<String> torn = tear(rnd);
        history.clear();
        deleteTree(hiddenDir);
        Files.createDirectories(hiddenDir);
        baselineNow();
        return new Damage(pending, dropped, torn);
    }

    private void undo(EntryOp op) throws IOException {
        if (op.directoryMove) {
            undoDirectoryMove(op);
            return;
        }
        for (int i = op.changes.size() - 1; i >= 0; i--) {
            Change c = op.changes.get(i);
            State now = stateOf(c.name(), false);
            if (!same(now, c.after()) || !Files.isDirectory(c.name().getParent(), LinkOption.NOFOLLOW_LINKS)) {
                continue; // a later surviving change owns this name, or its folder is gone with it
            }
            remove(c.name(), now);
            put(c.name(), c.before());
        }
    }

    private void undoDirectoryMove(EntryOp op) throws IOException {
        Change arrival = op.changes.get(0);
        Change departure = op.changes.get(1);
        State now = stateOf(arrival.name(), false);
        if (same(now, arrival.after()) && !Files.exists(departure.name(), LinkOption.NOFOLLOW_LINKS)
                && Files.isDirectory(departure.name().getParent(), LinkOption.NOFOLLOW_LINKS)) {
            Files.move(arrival.name(), departure.name());
            put(arrival.name(), arrival.before());
        }
    }

    private List<String> tear(Random rnd) throws IOException {
        List<String> torn = new ArrayList<>();
        if (!Files.isDirectory(scope)) {
            return torn;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(scope)) {
            files = s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        for (Path f : files) {
            Object k = key(f);
            long size = Files.size(f);
            if (baseline.contains(k) || forced.contains(k) || size == 0 || !rnd.nextBoolean()) {
                continue;
            }
            long keep = (long) (rnd.nextDouble() * size);
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
                ch.truncate(keep);
            }
            torn.add(scope.relativize(f) + " " + size + "->" + keep);
        }
        return torn;
    }

    /** After a power loss everything left on disk is durable for the next run. */
    private void baselineNow() throws IOException {
        forced.clear();
        baseline.clear();
        try (Stream<Path> s = Files.walk(scope)) {
            for (Path p : s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                baseline.add(key(p));
            }
        }
    }

    private void record(String description, List<Change> changes, Path name, boolean directoryMove) {
        history.add(new EntryOp(description, changes, norm(name).getParent(), directoryMove));
    }

    /** The state of {@code p} now; a file's inode is kept under a hidden link when {@code keep}. */
    private State stateOf(Path p, boolean keep) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return new Absent();
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return new DirState(key(p), Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        }
        Path hidden = null;
        if (keep) {
            hidden = hiddenDir.resolve(Integer.toString(++hiddenSeq));
            Files.createLink(hidden, p);
        }
        return new FileState(key(p), hidden);
    }

    private static boolean same(State now, State after) {
        if (now instanceof Absent) {
            return after instanceof Absent;
        }
        if (now instanceof FileState n && after instanceof FileState a) {
            return n.key().equals(a.key());
        }
        return now instanceof DirState n && after instanceof DirState a && n.key().equals(a.key());
    }

    private static void remove(Path name, State now) throws IOException {
        if (now instanceof DirState) {
            deleteTree(name);
        } else if (now instanceof FileState) {
            Files.delete(name);
        }
    }

    private static void put(Path name, State before) throws IOException {
        if (before instanceof FileState f) {
            Files.createLink(name, f.hidden());
        } else if (before instanceof DirState d) {
            Files.createDirectory(name);
            Files.setPosixFilePermissions(name, d.mode());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        Fixtures.deleteTree(root);
    }

    private static Object key(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    private boolean inScope(Path p) {
        return norm(p).startsWith(scope);
    }

    private static Path norm(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
