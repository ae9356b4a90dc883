package dev.openkb.testing;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Set;

/**
 * The errors a real file system gives the engine, each as the exception the JDK raises for it on
 * Linux (it maps errno to an exception type, or to a {@link FileSystemException} carrying the C
 * message), and each only on the operations that can really fail with it: EXDEV only on rename and
 * link, EMLINK only on link and mkdir, and so on. Used by {@link FaultyFileOps} so that injected
 * faults look exactly like the ones strace {@code inject=...:error=} produces.
 */
public enum Errno {
    ENOSPC("No space left on device", Set.of("createFile", "rename", "link", "createDirectory", "syncDirectory", "syncFile")),
    EIO("Input/output error", Set.of("createFile", "rename", "link", "delete", "createDirectory", "syncDirectory", "syncFile",
            "setPermissions")),
    EXDEV("Invalid cross-device link", Set.of("rename", "link")),
    EACCES("Permission denied", Set.of("createFile", "rename", "link", "delete", "createDirectory", "setPermissions")),
    EMLINK("Too many links", Set.of("link", "createDirectory"));

    private final String message;
    private final Set<String> operations;

    Errno(String message, Set<String> operations) {
        this.message = message;
        this.operations = operations;
    }

    /**
     * True when a real file system can fail {@code operation} (a {@code FileOps} method name) on
     * {@code path} with this errno; {@code other} is the rename source or link target. EXDEV needs
     * two folders (a rename or link inside one folder never crosses a mount).
     */
    public boolean appliesTo(String operation, Path path, Path other) {
        if (!operations.contains(operation)) {
            return false;
        }
        return this != EXDEV || other == null || !java.util.Objects.equals(path.getParent(), other.getParent());
    }

    public String message() {
        return message;
    }

    /** The exception the JDK throws for this errno from {@code operation} on {@code path} ({@code other}: rename target or link source). */
    public IOException exception(String operation, Path path, Path other) {
        String file = String.valueOf(path);
        String second = other == null ? null : other.toString();
        if (this == EXDEV && operation.equals("rename")) {
            // Files.move(ATOMIC_MOVE) reports EXDEV as AtomicMoveNotSupportedException.
            return new AtomicMoveNotSupportedException(file, second, message);
        }
        if (this == EACCES) {
            return new AccessDeniedException(file, second, null);
        }
        if (operation.startsWith("sync")) {
            return new IOException(message); // FileChannel.force reports a plain IOException
        }
        return new FileSystemException(file, second, message);
    }
}
