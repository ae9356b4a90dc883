package dev.openkb.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The file primitives built on {@link FileOps}: atomic replace (temp, fsync, rename, fsync parent),
 * streaming copy, hard link with copy fallback, recursive delete. Existing files keep their mode
 * across a replace; new files get the umask mode. Every failure of an operation names its file
 * ({@link PathNamingFileOps}, which {@link #ops()} also returns). Stateless apart from the
 * {@link FileOps} it wraps; thread-safe.
 */
public final class AtomicFiles {
    private final FileOps ops;

    public AtomicFiles(FileOps ops) {
        this.ops = PathNamingFileOps.wrap(ops);
    }

    public FileOps ops() {
        return ops;
    }

    /** Atomically replaces {@code target} with {@code data}, temp file beside it, parent synced. */
    public void write(Path target, byte[] data) throws IOException {
        write(target, new ByteArrayInputStream(data), target.getParent(), true);
    }

    /**
     * Atomically replaces {@code target} with the bytes of {@code in}. The temp file is created in
     * {@code tempDir}, which must be on the same file system (a crash leaves the temp there, not
     * beside the target); if the rename across folders is refused the temp is rebuilt beside the
     * target. The file's data is forced before the rename; the parent is synced only when asked,
     * so a transaction can sync each folder once at commit.
     */
    public void write(Path target, InputStream in, Path tempDir, boolean syncParent) throws IOException {
        Set<PosixFilePermission> keepMode = existingMode(target);
        Path tmp = tempName(tempDir, target);
        ops.createFile(tmp, in);
        try {
            if (keepMode != null) {
                ops.setPermissions(tmp, keepMode);
            }
            ops.rename(tmp, target);
        } catch (AtomicMoveNotSupportedException e) {
            Path local = tempName(target.getParent(), target);
            try (InputStream again = Files.newInputStream(tmp)) {
                ops.createFile(local, again);
            }
            ops.delete(tmp);
            if (keepMode != null) {
                ops.setPermissions(local, keepMode);
            }
            ops.rename(local, target);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw e;
        }
        if (syncParent) {
            ops.syncDirectory(target.getParent());
        }
    }

    /** Streams {@code src} into a new file {@code dst} (which must not exist), data forced. */
    public void copyNew(Path src, Path dst) throws IOException {
        try (InputStream in = Files.newInputStream(src)) {
            ops.createFile(dst, in);
        }
        Set<PosixFilePermission> mode = existingMode(src);
        if (mode != null) {
            ops.setPermissions(dst, mode);
        }
    }

    /**
     * Hard-links {@code dst} to {@code src}, or copies when the file system refuses a link
     * (cross-device, not permitted, access denied, too many links). Returns true when linked.
     */
    public boolean linkOrCopy(Path src, Path dst) throws IOException {
        try {
            ops.link(src, dst);
            return true;
        } catch (NoSuchFileException | FileAlreadyExistsException e) {
            throw e;
        } catch (AccessDeniedException | UnsupportedOperationException e) {
            copyNew(src, dst);
            return false;
        } catch (FileSystemException e) {
            if (!isLinkRefusal(e)) {
                throw e;
            }
            copyNew(src, dst);
            return false;
        }
    }

    /** Creates {@code dir} and missing parents; returns the folders it created, outermost first. */
    public List<Path> createDirectories(Path dir) throws IOException {
        List<Path> missing = new ArrayList<>();
        Path p = dir.toAbsolutePath().normalize();
        while (p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            missing.add(0, p);
            p = p.getParent();
        }
        for (Path m : missing) {
            ops.createDirectory(m);
        }
        return missing;
    }

    /** Deletes {@code root} and everything below it (deepest first); absent is fine. Symlinks are removed, not followed. */
    public void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            ops.delete(root);
            return;
        }
        List<Path> all;
        try (Stream<Path> s = Files.walk(root)) {
            all = s.sorted(Comparator.comparingInt(Path::getNameCount).reversed()).toList();
        }
        for (Path p : all) {
            ops.delete(p);
        }
    }

    /** The POSIX mode of an existing file, or null when it does not exist or the FS has none. */
    public static Set<PosixFilePermission> existingMode(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            return Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    /** A fresh temp name in {@code dir} derived from the target's name: ".name.1a2b3c4d.tmp". */
    public static Path tempName(Path dir, Path target) {
        String hex = Integer.toHexString(ThreadLocalRandom.current().nextInt() | 0x10000000);
        return dir.resolve("." + target.getFileName() + "." + hex + ".tmp");
    }

    /** True when {@code candidate} is a {@link #tempName} of {@code target} in any folder. */
    public static boolean isTempOf(Path candidate, Path target) {
        String n = candidate.getFileName().toString();
        String prefix = "." + target.getFileName() + ".";
        return n.length() == prefix.length() + 12 && n.startsWith(prefix) && n.endsWith(".tmp")
                && n.substring(prefix.length(), prefix.length() + 8).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    /**
     * Deletes the temp files that an interrupted {@link #write} of {@code target} left beside it
     * (the cross-device fallback builds its temp there). Returns how many it deleted.
     */
    public int deleteTempsBeside(Path target) throws IOException {
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        List<Path> temps;
        try (Stream<Path> s = Files.list(dir)) {
            temps = s.filter(p -> isTempOf(p, target) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList();
        }
        for (Path t : temps) {
            ops.delete(t);
        }
        return temps.size();
    }

    private void deleteQuietly(Path p) {
        try {
            ops.delete(p);
        } catch (IOException ignored) {
            // The temp is in a scratch folder that rollback or the staging reaper removes.
        }
    }

    /** EXDEV, EPERM, EACCES, EMLINK as the JDK reports them (it gives no errno, only the C message). */
    private static boolean isLinkRefusal(FileSystemException e) {
        String r = String.valueOf(e.getReason()).toLowerCase(java.util.Locale.ROOT);
        return r.contains("cross-device") || r.contains("not permitted") || r.contains("permission denied")
                || r.contains("too many links") || r.contains("not supported");
    }
}
