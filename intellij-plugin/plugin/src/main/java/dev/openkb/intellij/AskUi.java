package dev.openkb.intellij;

import com.intellij.openapi.project.Project;
import dev.openkb.client.protocol.Results.QueryResult;
import java.nio.file.Path;

/**
 * The Ask action's dialogs and editors. An interface because the IDE's input dialog, popup and editor-opening APIs
 * are not in the jars this glue is compile-checked against: the implementation ({@code dev.openkb.intellij.ide.IdeAskUi})
 * lives in the ide-only source folder and is registered in plugin.xml.
 */
public interface AskUi {
    /** Asks the user for a question (on the EDT); null when they cancelled. */
    String askQuestion(Project project);

    /**
     * Shows an answer (from any thread): the answer in an editor tab, and a chooser of its sources, each opening
     * its page at the cited passage, plus "Save as exploration", which runs {@code save}.
     *
     * @param kbRoot the KB the question was asked of (cited pages are looked up inside its wiki/ only)
     */
    void showAnswer(Project project, Path kbRoot, QueryResult result, Runnable save);

    static AskUi getInstance() {
        return PluginServices.askUi();
    }
}
