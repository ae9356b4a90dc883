package dev.openkb.intellij;

import com.intellij.openapi.progress.ProgressIndicator;
import com.intellij.openapi.progress.Task;
import com.intellij.openapi.project.Project;
import dev.openkb.client.connection.AddListener;
import dev.openkb.client.connection.AddOperation;
import dev.openkb.client.progress.ProgressLine;
import dev.openkb.client.protocol.FileProgress;
import dev.openkb.client.report.Summaries;
import dev.openkb.client.report.Summary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * An add as a cancellable background task: the progress bar shows the server's message ("3/10 converting
 * report.pdf") and percentage, the same the CLI and VS Code show; Cancel asks the server to stop, and the
 * notification then gives the server's summary line and lists what was not added. Progress events arrive on LSP4J threads; the IDE's indicator accepts text and fraction from any
 * thread.
 */
final class AddTask extends Task.Backgroundable {
    private static final Duration POLL = Duration.ofMillis(100);

    private final List<Path> inputs;
    private final Integer jobs;

    AddTask(Project project, List<Path> inputs, Integer jobs) {
        super(project, "Adding to knowledge base", true);
        this.inputs = List.copyOf(inputs);
        this.jobs = jobs;
    }

    @Override
    public void run(ProgressIndicator indicator) {
        Project project = getProject();
        indicator.setIndeterminate(false);
        indicator.setFraction(0);
        indicator.setText("Starting the OpenKB server…");
        AddOperation op = OpenKbProjectService.getInstance(project).client().add(inputs, null, jobs, new AddListener() {
            @Override
            public void fileProgress(FileProgress event, ProgressLine line) {
                indicator.setText(line.text());
                indicator.setFraction(line.fraction());
            }

            @Override
            public void workDone(String message, Integer percentage) {
                if (message != null) {
                    indicator.setText2(message);
                }
            }
        });
        Summary summary;
        try {
            summary = Summaries.add(op.await(() -> {
                boolean cancelled = indicator.isCanceled();
                if (cancelled && !op.isCancelRequested()) {
                    indicator.setText2("Cancelling: the server finishes the file it is committing…");
                }
                return cancelled;
            }, POLL));
        } catch (ExecutionException e) {
            summary = Summaries.addFailed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            op.cancel();
            return;
        }
        Notifier.getInstance().notify(project, summary);
    }
}
