package dev.openkb.intellij;

import com.intellij.openapi.actionSystem.AnActionEvent;
import com.intellij.openapi.progress.ProgressManager;
import com.intellij.openapi.project.Project;
import dev.openkb.client.report.Summaries;
import java.nio.file.Path;

/**
 * "Recover Knowledge Base": rolls back operations a crash left unfinished. Not cancellable: a rollback stopped
 * half way would leave exactly what it repairs.
 */
public final class RecoverKbAction extends ProjectAction {
    @Override
    void perform(Project project, AnActionEvent e) {
        Path target = KbActionTarget.of(e);
        ProgressManager.getInstance().run(new RequestTask<>(project, "Recovering knowledge base", false,
                client -> client.recover(target), Summaries::recover, "Recover knowledge base failed"));
    }
}
