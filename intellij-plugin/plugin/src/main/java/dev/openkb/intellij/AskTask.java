package dev.openkb.intellij;

import com.intellij.openapi.progress.ProgressIndicator;
import com.intellij.openapi.progress.ProgressManager;
import com.intellij.openapi.progress.Task;
import com.intellij.openapi.project.Project;
import dev.openkb.client.connection.Failures;
import dev.openkb.client.connection.OpenKbClient;
import dev.openkb.client.connection.QueryOperation;
import dev.openkb.client.kb.KbPaths;
import dev.openkb.client.protocol.Results.QueryResult;
import dev.openkb.client.report.Summary;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One question as a cancellable background task: the answer's last words show under the progress bar as it
 * streams, and the whole answer opens when it is complete. Cancel sends {@code $/cancelRequest}. With
 * {@code save}, the server also writes the exploration page and a notification says where.
 *
 * <p>Threading: {@link #run} on a pooled thread; the streamed text is built on LSP4J's thread into a
 * {@link StringBuffer} (synchronized) and read by the progress indicator.
 */
final class AskTask extends Task.Backgroundable {
    /** How much of the answer's end the progress line shows. */
    private static final int TAIL_CHARS = 80;

    private final String question;
    private final Path target;
    private final boolean save;

    /** @param target a file or folder in the KB, or null for the project's KB */
    AskTask(Project project, String question, Path target, boolean save) {
        super(project, save ? "Saving the answer as an exploration" : "Asking the knowledge base", true);
        this.question = question;
        this.target = target;
        this.save = save;
    }

    @Override
    public void run(ProgressIndicator indicator) {
        indicator.setIndeterminate(true);
        indicator.setText(question);
        OpenKbClient client = OpenKbProjectService.getInstance(getProject()).client();
        StringBuffer streamed = new StringBuffer();
        try {
            Path kb = target != null ? KbPaths.kbRoot(target).orElse(null) : null;
            if (kb == null) {
                kb = Path.of(client.status(target).get(60, TimeUnit.SECONDS).kb());
            }
            Path kbRoot = kb;
            QueryOperation op = client.ask(question, kbRoot, save, piece -> {
                streamed.append(piece);
                indicator.setText2(tail(streamed));
            });
            QueryResult result;
            while (true) {
                if (indicator.isCanceled()) {
                    op.cancel();
                    return;
                }
                try {
                    result = op.result().get(100, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException e) {
                    // still answering
                }
            }
            if (save) {
                Notifier.getInstance().notify(getProject(), new Summary(Summary.Level.INFO, "Answer saved",
                        result.saved() != null ? "Saved as " + result.saved() : "Saved under wiki/explorations/"));
                return;
            }
            AskUi.getInstance().showAnswer(getProject(), kbRoot, result,
                    () -> ProgressManager.getInstance().run(new AskTask(getProject(), question, kbRoot, true)));
        } catch (ExecutionException | TimeoutException e) {
            Notifier.getInstance().notify(getProject(), new Summary(Summary.Level.ERROR,
                    save ? "Saving the answer failed" : "Asking the knowledge base failed", Failures.describe(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(StringBuffer text) {
        String s = text.toString().replaceAll("\\s+", " ").strip();
        return s.length() <= TAIL_CHARS ? s : "…" + s.substring(s.length() - TAIL_CHARS + 1);
    }
}
