package dev.openkb.intellij;

import com.intellij.openapi.actionSystem.AnActionEvent;
import com.intellij.openapi.actionSystem.CommonDataKeys;
import com.intellij.openapi.vfs.VirtualFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The local files and folders an action was invoked on: the Project view's selection (several at once) or the
 * editor's file. Stateless.
 */
final class SelectedFiles {
    private SelectedFiles() {
    }

    /** Empty when nothing is selected or something selected is not a local file (a jar entry, a remote file). */
    static List<Path> of(AnActionEvent e) {
        VirtualFile[] files = e.getData(CommonDataKeys.VIRTUAL_FILE_ARRAY);
        if (files == null || files.length == 0) {
            VirtualFile single = e.getData(CommonDataKeys.VIRTUAL_FILE);
            files = single == null ? new VirtualFile[0] : new VirtualFile[] {single};
        }
        List<Path> out = new ArrayList<>(files.length);
        for (VirtualFile f : files) {
            if (f == null || !f.isInLocalFileSystem()) {
                return List.of();
            }
            out.add(Path.of(f.getPath()));
        }
        return out;
    }
}
