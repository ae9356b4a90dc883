package dev.openkb.intellij;

import com.intellij.openapi.actionSystem.AnActionEvent;
import java.nio.file.Path;
import java.util.List;

/**
 * Which KB a Tools-menu action is about: the one holding the selected file, if a file is selected, else the
 * project's (null, which the server reads as "the workspace's KB"). Stateless.
 */
final class KbActionTarget {
    private KbActionTarget() {
    }

    static Path of(AnActionEvent e) {
        List<Path> selected = SelectedFiles.of(e);
        return selected.isEmpty() ? null : selected.get(0);
    }
}
