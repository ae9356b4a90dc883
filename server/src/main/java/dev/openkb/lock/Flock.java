package dev.openkb.lock;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Path;

/**
 * flock(2) through JNA. Java's {@code FileChannel.lock} takes fcntl (POSIX record) locks, which on
 * Linux do not conflict with flock locks, so they would not exclude OpenKB's Python CLI (portalocker
 * uses flock). flock locks belong to the open file description, so two descriptors in one process
 * also exclude each other, which the staging leases rely on. The binding is immutable.
 */
final class Flock {
    static final int LOCK_SH = 1;
    static final int LOCK_EX = 2;
    static final int LOCK_NB = 4;
    static final int LOCK_UN = 8;
    private static final int O_RDWR = 2;
    private static final int O_CREAT = 0100;
    private static final int O_CLOEXEC = 02000000;
    private static final int EWOULDBLOCK = 11;
    private static final int EINTR = 4;
    private static final int ENOENT = 2;
    private static final int ENOTDIR = 20;
    private static final int ELOOP = 40;
    /**
     * Lock and lease files live in an untrusted KB: a planted symlink must not make us create or
     * open a file outside it. The flag's value is per architecture (asm-generic vs x86 layouts).
     */
    private static final int O_NOFOLLOW = switch (com.sun.jna.Platform.ARCH) {
        case "aarch64", "arm", "armel", "ppc", "ppc64", "ppc64le" -> 0100000;
        default -> 0400000;
    };

    interface CLib extends Library {
        int open(String path, int flags, int mode) throws LastErrorException;

        int flock(int fd, int operation) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private static final CLib LIBC = Native.load("c", CLib.class);

    private Flock() {
    }

    /** Opens (creating with 0666 &amp; ~umask) the file for locking; returns the descriptor. */
    static int open(Path file) throws IOException {
        try {
            return LIBC.open(file.toString(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == ENOENT) {
                throw new java.nio.file.NoSuchFileException(file.toString(), null, "its folder does not exist");
            }
            if (e.getErrorCode() == ELOOP) {
                throw new IOException("lock file " + file + " is a symlink; refusing to follow it out of the knowledge base (remove it)", e);
            }
            throw new IOException("cannot open lock file " + file + ": errno " + e.getErrorCode(), e);
        }
    }

    /** Opens an existing file for probing its lock, never creating it; -1 when it does not exist. */
    static int openExisting(Path file) throws IOException {
        try {
            return LIBC.open(file.toString(), O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == ENOENT || e.getErrorCode() == ENOTDIR || e.getErrorCode() == ELOOP) {
                // No such lease file (or the "folder" is a file, or the lease a planted symlink, which
                // no owner of ours ever holds): nothing holds it.
                return -1;
            }
            throw new IOException("cannot open lock file " + file + ": errno " + e.getErrorCode(), e);
        }
    }

    /** Tries to take the lock without blocking; false when another holder has a conflicting lock. */
    static boolean tryLock(int fd, int mode) throws IOException {
        while (true) {
            try {
                LIBC.flock(fd, mode | LOCK_NB);
                return true;
            } catch (LastErrorException e) {
                if (e.getErrorCode() == EWOULDBLOCK) {
                    return false;
                }
                if (e.getErrorCode() != EINTR) {
                    throw new IOException("flock failed: errno " + e.getErrorCode(), e);
                }
            }
        }
    }

    static void unlock(int fd) throws IOException {
        try {
            LIBC.flock(fd, LOCK_UN);
        } catch (LastErrorException e) {
            throw new IOException("flock unlock failed: errno " + e.getErrorCode(), e);
        }
    }

    static void close(int fd) {
        try {
            LIBC.close(fd);
        } catch (LastErrorException ignored) {
            // Closing releases the lock whatever the result; nothing useful to do on EINTR/EIO here.
        }
    }
}
