package dev.openkb.intellij;

import com.intellij.openapi.actionSystem.AnActionEvent;
import com.intellij.openapi.actionSystem.CommonDataKeys;
import com.intellij.openapi.editor.Editor;
import com.intellij.openapi.progress.ProgressManager;
import com.intellij.openapi.project.Project;
import java.nio.file.Path;

/**
 * "Ask Knowledge Base…": the editor's selection is the question (editor popup), else the user types one (Tools
 * menu, Find Action). The KB is the one holding the selected file, else the project's. Stateless.
 */
public final class AskKbAction extends ProjectAction {
    /** Longer selections are cut: the server refuses overlong questions, and a question is not a document. */
    static final int MAX_QUESTION_CHARS = 10_000;

    @Override
    void perform(Project project, AnActionEvent e) {
        Editor editor = e.getData(CommonDataKeys.EDITOR);
        String selected = editor == null ? null : editor.getSelectionModel().getSelectedText();
        String question = selected != null && !selected.isBlank() ? selected.strip() : AskUi.getInstance().askQuestion(project);
        if (question == null || question.isBlank()) {
            return;
        }
        if (question.length() > MAX_QUESTION_CHARS) {
            question = question.substring(0, MAX_QUESTION_CHARS);
        }
        Path target = KbActionTarget.of(e);
        ProgressManager.getInstance().run(new AskTask(project, question.strip(), target, false));
    }
}
