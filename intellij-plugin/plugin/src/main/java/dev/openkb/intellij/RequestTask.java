package dev.openkb.intellij;

import com.intellij.openapi.progress.ProgressIndicator;
import com.intellij.openapi.progress.Task;
import com.intellij.openapi.project.Project;
import dev.openkb.client.connection.Failures;
import dev.openkb.client.connection.OpenKbClient;
import dev.openkb.client.report.Summary;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * One {@code openkb/*} request as a background task that ends in a notification. When cancellable, Cancel
 * sends {@code $/cancelRequest} (LSP4J does so when the request's future is cancelled) and no result is shown.
 */
final class RequestTask<T> extends Task.Backgroundable {
    private final Function<OpenKbClient, CompletableFuture<T>> request;
    private final Function<T, Summary> summarize;
    private final String failureTitle;

    RequestTask(Project project, String title, boolean cancellable, Function<OpenKbClient, CompletableFuture<T>> request,
            Function<T, Summary> summarize, String failureTitle) {
        super(project, title, cancellable);
        this.request = request;
        this.summarize = summarize;
        this.failureTitle = failureTitle;
    }

    @Override
    public void run(ProgressIndicator indicator) {
        indicator.setIndeterminate(true);
        CompletableFuture<T> future = request.apply(OpenKbProjectService.getInstance(getProject()).client());
        Summary summary;
        try {
            while (true) {
                if (indicator.isCanceled()) {
                    future.cancel(true);
                    return;
                }
                try {
                    summary = summarize.apply(future.get(100, TimeUnit.MILLISECONDS));
                    break;
                } catch (TimeoutException e) {
                    // still running
                }
            }
        } catch (ExecutionException e) {
            summary = new Summary(Summary.Level.ERROR, failureTitle, Failures.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return;
        }
        Notifier.getInstance().notify(getProject(), summary);
    }
}
