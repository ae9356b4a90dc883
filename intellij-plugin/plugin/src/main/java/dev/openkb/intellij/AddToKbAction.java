package dev.openkb.intellij;

import com.intellij.openapi.actionSystem.AnAction;
import com.intellij.openapi.actionSystem.AnActionEvent;
import com.intellij.openapi.fileEditor.FileDocumentManager;
import com.intellij.openapi.progress.ProgressManager;
import com.intellij.openapi.project.DumbAware;
import com.intellij.openapi.project.Project;
import java.nio.file.Path;
import java.util.List;

/** "Add to Knowledge Base" on files and folders in the Project view (several at once) or on the editor's file. */
public final class AddToKbAction extends AnAction implements DumbAware {
    @Override
    public void update(AnActionEvent e) {
        e.getPresentation().setEnabledAndVisible(e.getProject() != null && !SelectedFiles.of(e).isEmpty());
    }

    @Override
    public void actionPerformed(AnActionEvent e) {
        Project project = e.getProject();
        List<Path> inputs = SelectedFiles.of(e);
        if (project == null || inputs.isEmpty()) {
            return;
        }
        // The server reads the files from disk: unsaved edits must be there first.
        FileDocumentManager.getInstance().saveAllDocuments();
        ProgressManager.getInstance().run(new AddTask(project, inputs, OpenKbSettings.getInstance().snapshot().jobs()));
    }
}
