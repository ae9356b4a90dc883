package dev.openkb.client.connection;

import dev.openkb.client.launch.LaunchCommand;
import dev.openkb.client.protocol.OpenKbServerApi;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.CancelParams;

/**
 * One server process and its JSON-RPC connection, from start to exit. Requests go through {@link #call}, which
 * fails them with a {@link ServerUnavailableException} naming the exit code and the server's last stderr lines
 * if the process dies first (LSP4J alone would leave them pending forever).
 *
 * <p>Threading: any thread may call; {@code pending} is a concurrent set, {@code closing} is volatile. The exit
 * handler runs once, on the thread that observes the process end.
 */
final class ServerConnection {
    private final Process process;
    private final Launcher<OpenKbServerApi> launcher;
    private final StderrTail stderr;
    private final AddRequestIds addIds;
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<String> exited = new CompletableFuture<>();
    private volatile boolean closing;

    private ServerConnection(Process process, Launcher<OpenKbServerApi> launcher, StderrTail stderr, AddRequestIds addIds) {
        this.process = process;
        this.launcher = launcher;
        this.stderr = stderr;
        this.addIds = addIds;
    }

    /**
     * Starts the process and its connection (not yet initialised).
     *
     * @param log receives the server's stderr lines
     */
    static ServerConnection start(LaunchCommand command, LocalClient client, ExecutorService executor,
            Consumer<String> log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command.argv());
        if (command.workingDir() != null) {
            pb.directory(command.workingDir().toFile());
        }
        Process process = pb.start();
        StderrTail stderr = StderrTail.start(process.getErrorStream(), "openkb-server-stderr-" + process.pid(), log);
        AddRequestIds ids = new AddRequestIds();
        Launcher<OpenKbServerApi> launcher = new Launcher.Builder<OpenKbServerApi>()
                .setLocalService(client)
                .setRemoteInterface(OpenKbServerApi.class)
                .setInput(process.getInputStream())
                .setOutput(process.getOutputStream())
                .setExecutorService(executor)
                .wrapMessages(ids)
                .create();
        ServerConnection c = new ServerConnection(process, launcher, stderr, ids);
        launcher.startListening();
        process.onExit().thenRun(c::onExit);
        return c;
    }

    /** {@code initialize}, then {@code initialized}; fails with the crash report if the process dies first. */
    CompletableFuture<InitializeResult> initialize(ClientConfig config) {
        return call(api -> api.initialize(Handshake.params(config)))
                .orTimeout(config.startTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(result -> {
                    launcher.getRemoteProxy().initialized(new InitializedParams());
                    return result;
                });
    }

    /** Sends a request; the future fails with {@link ServerUnavailableException} if the server exits first. */
    <T> CompletableFuture<T> call(Function<OpenKbServerApi, CompletableFuture<T>> request) {
        if (exited.isDone()) {
            return CompletableFuture.failedFuture(new ServerUnavailableException(exited.join()));
        }
        CompletableFuture<T> f;
        try {
            f = request.apply(launcher.getRemoteProxy());
        } catch (RuntimeException e) { // LSP4J could not write: the pipe broke, the process is going away
            return CompletableFuture.failedFuture(new ServerUnavailableException(
                    "Cannot reach the OpenKB server: " + e.getMessage(), e));
        }
        pending.add(f);
        f.whenComplete((v, e) -> pending.remove(f));
        if (exited.isDone()) { // exited between the check and the add: the exit handler may have missed it
            f.completeExceptionally(new ServerUnavailableException(exited.join()));
        }
        return f;
    }

    void notify(Consumer<OpenKbServerApi> notification) {
        if (!exited.isDone()) {
            notification.accept(launcher.getRemoteProxy());
        }
    }

    /** Sends {@code $/cancelRequest} for the add with this token; its future stays open for the server's answer. */
    boolean cancelAdd(String token) {
        return addIds.idOf(token).map(id -> {
            CancelParams p = new CancelParams();
            p.setRawId(id);
            launcher.getRemoteEndpoint().notify("$/cancelRequest", p);
            return true;
        }).orElse(false);
    }

    void forgetAdd(String token) {
        addIds.forget(token);
    }

    /** Completes with the crash report when the process exits (or with a plain note after a requested shutdown). */
    CompletableFuture<String> exited() {
        return exited;
    }

    boolean isClosing() {
        return closing;
    }

    long pid() {
        return process.pid();
    }

    /** Kills the process at once, as a crash would (for callers that must stop a stuck server). */
    void kill() {
        process.destroyForcibly();
    }

    /**
     * LSP's orderly stop: {@code shutdown}, {@code exit}, then waits for the process; kills it when any step
     * takes longer than {@code timeout}.
     */
    void shutdown(Duration timeout) {
        closing = true;
        try {
            if (process.isAlive()) {
                call(OpenKbServerApi::shutdown).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                notify(OpenKbServerApi::exit);
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    private void onExit() {
        try {
            stderr.awaitEnd(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String report = closing ? "The OpenKB server was stopped." : crashReport(process.exitValue(), stderr.lines());
        exited.complete(report);
        ServerUnavailableException failure = new ServerUnavailableException(report);
        for (CompletableFuture<?> f : List.copyOf(pending)) {
            f.completeExceptionally(failure);
        }
    }

    /** "The OpenKB server stopped unexpectedly (exit code 137). Its last output: …" */
    static String crashReport(int exitCode, List<String> lastLines) {
        StringBuilder sb = new StringBuilder("The OpenKB server stopped unexpectedly (exit code ").append(exitCode).append(").");
        if (lastLines.isEmpty()) {
            sb.append(" It wrote nothing to stderr.");
        } else {
            sb.append(" Its last output:");
            int from = Math.max(0, lastLines.size() - 8);
            for (String line : lastLines.subList(from, lastLines.size())) {
                sb.append("\n  ").append(line);
            }
        }
        return sb.toString();
    }
}
