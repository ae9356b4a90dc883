package dev.openkb.intellij.ide;

import com.intellij.openapi.application.ApplicationManager;
import com.intellij.openapi.fileEditor.FileEditorManager;
import com.intellij.openapi.fileEditor.OpenFileDescriptor;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.ui.Messages;
import com.intellij.openapi.ui.popup.JBPopupFactory;
import com.intellij.openapi.ui.popup.PopupStep;
import com.intellij.openapi.ui.popup.util.BaseListPopupStep;
import com.intellij.openapi.vfs.LocalFileSystem;
import com.intellij.openapi.vfs.VirtualFile;
import com.intellij.testFramework.LightVirtualFile;
import dev.openkb.client.ask.AnswerText;
import dev.openkb.client.ask.CitedPage;
import dev.openkb.client.protocol.Results.QueryResult;
import dev.openkb.client.protocol.Results.QuerySource;
import dev.openkb.client.report.Summary;
import dev.openkb.intellij.AskUi;
import dev.openkb.intellij.Notifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Ask action in the IDE: an input dialog for the question; the answer as a read-only Markdown tab; a popup
 * listing the sources (choosing one opens its page at the cited passage) and "Save as exploration". Every UI call
 * runs on the EDT. Stateless.
 */
public final class IdeAskUi implements AskUi {
    private static final String SAVE = "Save as exploration";

    @Override
    public String askQuestion(Project project) {
        return Messages.showInputDialog(project, "Ask the knowledge base a question", "OpenKB: Ask", null);
    }

    @Override
    public void showAnswer(Project project, Path kbRoot, QueryResult result, Runnable save) {
        ApplicationManager.getApplication().invokeLater(() -> {
            if (project.isDisposed()) {
                return;
            }
            LightVirtualFile answer = new LightVirtualFile("Answer.md", AnswerText.markdown(result));
            answer.setWritable(false);
            FileEditorManager.getInstance(project).openFile(answer, true);
            List<Object> items = new ArrayList<>(result.sources());
            items.add(SAVE);
            JBPopupFactory.getInstance().createListPopup(new BaseListPopupStep<Object>("Sources of the answer", items) {
                @Override
                public String getTextFor(Object value) {
                    return value instanceof QuerySource s ? AnswerText.label(s) : String.valueOf(value);
                }

                @Override
                public PopupStep<?> onChosen(Object value, boolean finalChoice) {
                    return doFinalStep(() -> {
                        if (value instanceof QuerySource s) {
                            open(project, kbRoot, s);
                        } else {
                            save.run();
                        }
                    });
                }
            }).showCenteredInCurrentWindow(project);
        });
    }

    private static void open(Project project, Path kbRoot, QuerySource source) {
        CitedPage page = CitedPage.of(kbRoot, source).orElse(null);
        VirtualFile file = page == null ? null : LocalFileSystem.getInstance().refreshAndFindFileByNioFile(page.file());
        if (file == null) {
            Notifier.getInstance().notify(project, new Summary(Summary.Level.WARNING, "Page not found",
                    "The KB has no page " + source.page() + " (it may have been removed since the answer)."));
            return;
        }
        new OpenFileDescriptor(project, file, page.line(), page.column()).navigate(true);
    }
}
