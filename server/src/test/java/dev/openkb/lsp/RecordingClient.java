package dev.openkb.lsp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;

/**
 * The test's LSP client: records every message the server sends, answers server requests as told
 * ({@code window/workDoneProgress/create} answered, refused, or never answered like Vim ALE), and
 * lets a test wait for an event instead of sleeping. Thread-safe: one monitor guards every list and
 * wakes waiters on each message.
 */
final class RecordingClient implements OpenKbClient {
    enum CreateAnswer { ACCEPT, REFUSE, NEVER }

    private final List<PublishDiagnosticsParams> diagnostics = new ArrayList<>();
    private final List<ProgressParams> progress = new ArrayList<>();
    private final List<Protocol.FileProgress> fileProgress = new ArrayList<>();
    private final List<MessageParams> logs = new ArrayList<>();
    private final List<WorkDoneProgressCreateParams> creates = new ArrayList<>();
    private final List<RegistrationParams> registrations = new ArrayList<>();
    private volatile CreateAnswer createAnswer = CreateAnswer.ACCEPT;

    void answerCreate(CreateAnswer a) {
        createAnswer = a;
    }

    private int lensRefreshes;

    @Override
    public synchronized CompletableFuture<Void> refreshCodeLenses() {
        lensRefreshes++;
        notifyAll();
        return CompletableFuture.completedFuture(null);
    }

    /** Waits until the server has asked at least {@code n} times for the code lenses to be re-requested. */
    int awaitLensRefreshes(int n) {
        return await(() -> {
            synchronized (this) {
                return lensRefreshes;
            }
        }, c -> c >= n, Duration.ofSeconds(20), n + " workspace/codeLens/refresh request(s)");
    }

    synchronized int lensRefreshes() {
        return lensRefreshes;
    }

    @Override
    public synchronized void publishDiagnostics(PublishDiagnosticsParams p) {
        diagnostics.add(p);
        notifyAll();
    }

    @Override
    public synchronized void notifyProgress(ProgressParams p) {
        progress.add(p);
        notifyAll();
    }

    @Override
    public synchronized void fileProgress(Protocol.FileProgress p) {
        fileProgress.add(p);
        notifyAll();
    }

    private final List<MessageParams> shown = new java.util.ArrayList<>();

    @Override
    public synchronized void logMessage(MessageParams m) {
        logs.add(m);
        notifyAll();
    }

    @Override
    public synchronized CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams p) {
        creates.add(p);
        notifyAll();
        return switch (createAnswer) {
            case ACCEPT -> CompletableFuture.completedFuture(null);
            case REFUSE -> CompletableFuture.failedFuture(new IllegalStateException("no progress here"));
            case NEVER -> new CompletableFuture<>();
        };
    }

    @Override
    public synchronized CompletableFuture<Void> registerCapability(RegistrationParams p) {
        registrations.add(p);
        notifyAll();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public synchronized void showMessage(MessageParams m) {
        shown.add(m);
        logMessage(m);
    }

    /** Every window/showMessage so far (each is also in the log), oldest first. */
    synchronized List<MessageParams> shown() {
        return List.copyOf(shown);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
        return new CompletableFuture<>();
    }

    synchronized List<PublishDiagnosticsParams> diagnostics() {
        return List.copyOf(diagnostics);
    }

    /** Every publication for one URI, oldest first. */
    synchronized List<PublishDiagnosticsParams> diagnosticsFor(String uri) {
        return diagnostics.stream().filter(d -> d.getUri().equals(uri)).toList();
    }

    synchronized List<ProgressParams> progress() {
        return List.copyOf(progress);
    }

    synchronized List<Protocol.FileProgress> fileProgress() {
        return List.copyOf(fileProgress);
    }

    synchronized List<MessageParams> logs() {
        return List.copyOf(logs);
    }

    synchronized List<WorkDoneProgressCreateParams> creates() {
        return List.copyOf(creates);
    }

    synchronized List<RegistrationParams> registrations() {
        return List.copyOf(registrations);
    }

    /** Waits until {@code value} satisfies {@code done} (re-checked on every message); returns it. */
    <T> T await(Supplier<T> value, Predicate<T> done, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                T v = value.get();
                if (done.test(v)) {
                    return v;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out waiting for " + what + "; last value: " + v);
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for " + what);
                }
            }
        }
    }

    /** The latest diagnostics published for {@code uri}, once {@code done} holds for them. */
    PublishDiagnosticsParams awaitDiagnostics(String uri, Predicate<PublishDiagnosticsParams> done) {
        return await(() -> {
            List<PublishDiagnosticsParams> all = diagnosticsFor(uri);
            return all.isEmpty() ? null : all.get(all.size() - 1);
        }, d -> d != null && done.test(d), Duration.ofSeconds(20), "diagnostics for " + uri);
    }
}
