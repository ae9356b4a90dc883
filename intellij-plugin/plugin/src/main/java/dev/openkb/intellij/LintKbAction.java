package dev.openkb.intellij;

import com.intellij.openapi.actionSystem.AnActionEvent;
import com.intellij.openapi.fileEditor.FileDocumentManager;
import com.intellij.openapi.progress.ProgressManager;
import com.intellij.openapi.project.Project;
import dev.openkb.client.report.Summaries;
import java.nio.file.Path;

/** "Lint Knowledge Base": the findings come back as a summary and as highlights in the wiki pages. */
public final class LintKbAction extends ProjectAction {
    @Override
    void perform(Project project, AnActionEvent e) {
        FileDocumentManager.getInstance().saveAllDocuments();
        Path target = KbActionTarget.of(e);
        ProgressManager.getInstance().run(new RequestTask<>(project, "Linting knowledge base", true,
                client -> client.lint(target), Summaries::lint, "Lint knowledge base failed"));
    }
}
