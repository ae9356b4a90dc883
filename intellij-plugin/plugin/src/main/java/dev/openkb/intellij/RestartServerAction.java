package dev.openkb.intellij;

import com.intellij.openapi.actionSystem.AnActionEvent;
import com.intellij.openapi.application.ApplicationManager;
import com.intellij.openapi.project.Project;

/** "Restart OpenKB Server": the way back after the client gave up on a server that kept crashing. */
public final class RestartServerAction extends ProjectAction {
    @Override
    void perform(Project project, AnActionEvent e) {
        OpenKbProjectService service = OpenKbProjectService.getInstance(project);
        ApplicationManager.getApplication().executeOnPooledThread(() -> service.client().restart());
    }
}
