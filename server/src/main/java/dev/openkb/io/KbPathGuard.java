package dev.openkb.io;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The one place that decides whether a path that comes from KB content is safe to act on. A KB is
 * untrusted input (it may come from git clone or an archive), so a journal, a registry entry or a
 * staging listing may name {@code ../../home}, an absolute path, or a path whose folder is a
 * symlink to somewhere outside. A path is safe when, normalised, it lies strictly inside the KB root
 * and no existing component between the root and it is a symlink (each checked with
 * {@code NOFOLLOW_LINKS}); its last component may be a symlink only when the caller acts on the link
 * itself (deletes or replaces it), never through it.
 *
 * <p>The lexical checks ({@link #resolve}, {@link #requireInside}) are pure; the symlink check
 * ({@link #requireReal}) reads the file system and is repeated at use time, right before each delete,
 * rename or restore, because a folder checked when a journal was read may be swapped for a symlink
 * later. (Java has no openat: a process racing the engine inside the KB between that check and the
 * call is outside what this closes; a planted KB is not.) The KB root itself is the user's choice and
 * trusted, symlink or not. Immutable and thread-safe.
 */
public final class KbPathGuard {
    private final Path root;

    public KbPathGuard(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** A KB-relative path from KB content ("wiki/x.md"), resolved and checked lexically. */
    public Path resolve(String rel) throws UnsafePathException {
        Path p;
        try {
            p = root.resolve(rel).normalize();
        } catch (InvalidPathException e) {
            throw new UnsafePathException(Path.of(""), "not a valid path: " + e.getMessage());
        }
        return requireInside(p);
    }

    /** {@code p} normalised, if it lies strictly inside the KB root (no I/O). */
    public Path requireInside(Path p) throws UnsafePathException {
        Path n = p.toAbsolutePath().normalize();
        if (!n.startsWith(root) || n.equals(root)) {
            throw new UnsafePathException(p, "outside the knowledge base " + root);
        }
        return n;
    }

    /**
     * {@code p} inside the KB with no symlink among its existing components below the root.
     *
     * @param linkItself true when the caller acts on the last component itself (deleting or renaming
     *                   over it), so that component may be a symlink; false when it reads or writes
     *                   through it (a backup to restore from, a folder to list)
     */
    public Path requireReal(Path p, boolean linkItself) throws UnsafePathException {
        Path n = requireInside(p);
        Path start = linkItself ? n.getParent() : n;
        for (Path a = start; a != null && !a.equals(root); a = a.getParent()) {
            if (Files.isSymbolicLink(a)) {
                throw new UnsafePathException(p, "reached through the symlink " + root.relativize(a)
                        + "; refusing to act through it (remove the link)");
            }
        }
        return n;
    }

    /**
     * True when {@code name} from KB content (a registry {@code doc_name}) is one plain path
     * component: not empty, not {@code .} or {@code ..}, no separator or NUL. Paths built from it
     * ({@code wiki/summaries/<name>.md}, {@code wiki/sources/images/<name>/}) then stay where they belong.
     */
    public static boolean isPlainName(String name) {
        return name != null && !name.isEmpty() && !name.equals(".") && !name.equals("..")
                && name.indexOf('/') < 0 && name.indexOf('\\') < 0 && name.indexOf('\0') < 0;
    }

    /** True when {@code p} is a real folder inside the KB (not a symlink, no symlinked ancestor). */
    public boolean isRealDirectory(Path p) {
        try {
            return Files.isDirectory(requireReal(p, false), LinkOption.NOFOLLOW_LINKS);
        } catch (UnsafePathException e) {
            return false;
        }
    }
}
