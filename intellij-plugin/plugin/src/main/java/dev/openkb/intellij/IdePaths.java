package dev.openkb.intellij;

import com.intellij.openapi.vfs.VirtualFile;
import com.intellij.openapi.vfs.VirtualFileManager;
import java.nio.file.Path;

/** Paths to the IDE's virtual files. Stateless. */
final class IdePaths {
    private IdePaths() {
    }

    /** The IDE's {@code file://} URL for a path (forward slashes on every OS). */
    static String url(Path path) {
        return VirtualFileManager.constructUrl("file", path.toAbsolutePath().normalize().toString().replace('\\', '/'));
    }

    /**
     * The virtual file for a path, or null.
     *
     * @param refresh whether to look on disk when the IDE does not know the file yet (not allowed inside a read
     *                action)
     */
    static VirtualFile findFile(Path path, boolean refresh) {
        VirtualFileManager vfm = VirtualFileManager.getInstance();
        VirtualFile vf = vfm.findFileByUrl(url(path));
        return vf != null || !refresh ? vf : vfm.refreshAndFindFileByUrl(url(path));
    }
}
