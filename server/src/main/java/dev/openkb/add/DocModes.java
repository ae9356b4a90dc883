package dev.openkb.add;

import dev.openkb.io.AtomicFiles;
import dev.openkb.io.FileOps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps a document's own files no more readable than the document: its raw copy, its source
 * ({@code sources/<doc>.md|.json} and images) and its summary get at most the group and other
 * permission bits of the file the user added, so a mode-600 document does not become a 644 copy and
 * a 644 summary. The owner's bits are left as they are (the owner must keep reading and replacing
 * them). A file is changed only when its mode would change, so a KB of ordinary 644 documents sees
 * no extra operation. Pages shared by several documents (concepts, entities, index, log) keep
 * their modes. Stateless.
 */
final class DocModes {
    private static final Set<PosixFilePermission> GROUP_OTHER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private DocModes() {
    }

    /** The permissions of {@code file} (following a symlink to the document itself), or null where the file system has none. */
    static Set<PosixFilePermission> of(Path file) throws IOException {
        try {
            return Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    /** Clears from each existing file in {@code files} the group/other bits that {@code ceiling} does not have. */
    static void restrict(FileOps ops, List<Path> files, Set<PosixFilePermission> ceiling) throws IOException {
        if (ceiling == null) {
            return;
        }
        for (Path f : files) {
            Set<PosixFilePermission> now = AtomicFiles.existingMode(f);
            if (now == null || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Set<PosixFilePermission> allowed = EnumSet.noneOf(PosixFilePermission.class);
            for (PosixFilePermission p : now) {
                if (!GROUP_OTHER.contains(p) || ceiling.contains(p)) {
                    allowed.add(p);
                }
            }
            if (!allowed.equals(now)) {
                ops.setPermissions(f, allowed);
            }
        }
    }
}
