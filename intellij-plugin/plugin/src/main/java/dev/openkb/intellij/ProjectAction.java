package dev.openkb.intellij;

import com.intellij.openapi.actionSystem.AnAction;
import com.intellij.openapi.actionSystem.AnActionEvent;
import com.intellij.openapi.project.DumbAware;
import com.intellij.openapi.project.Project;

/** A Tools-menu action that needs an open project and nothing else. Stateless. */
abstract class ProjectAction extends AnAction implements DumbAware {
    @Override
    public void update(AnActionEvent e) {
        e.getPresentation().setEnabled(e.getProject() != null);
    }

    @Override
    public void actionPerformed(AnActionEvent e) {
        Project project = e.getProject();
        if (project != null) {
            perform(project, e);
        }
    }

    abstract void perform(Project project, AnActionEvent e);
}
