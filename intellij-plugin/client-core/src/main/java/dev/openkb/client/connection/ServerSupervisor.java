package dev.openkb.client.connection;

import dev.openkb.client.launch.ClientSetupException;
import dev.openkb.client.launch.LaunchCommand;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Keeps one server running for a client: starts it on demand, restarts it when it crashes until the
 * {@link RestartPolicy} gives up, and reports each of these to {@link ClientEvents}. A start that fails for a
 * setup reason (no Java, no jar) is retried on the next request, since the user may have fixed the settings.
 *
 * <p>Threading: {@code current}, {@code running}, {@code gaveUp}, {@code state} and {@code closed} are guarded
 * by {@code this}. Starts run on {@code executor}; exit handling runs on whichever thread sees the process end.
 */
final class ServerSupervisor {
    private final ClientConfig config;
    private final ClientEvents events;
    private final LocalClient local;
    private final ExecutorService executor;
    /** Told about every server that is up, before {@link ClientEvents#serverStarted}. */
    private final Consumer<ServerConnection> onStarted;

    private CompletableFuture<ServerConnection> current;
    private ServerConnection running;
    private String gaveUp;
    private OpenKbClient.State state = OpenKbClient.State.NOT_STARTED;
    private boolean closed;

    ServerSupervisor(ClientConfig config, ClientEvents events, LocalClient local, ExecutorService executor,
            Consumer<ServerConnection> onStarted) {
        this.config = config;
        this.events = events;
        this.local = local;
        this.executor = executor;
        this.onStarted = onStarted;
    }

    synchronized OpenKbClient.State state() {
        return state;
    }

    /** The running server, or null while none is up. */
    synchronized ServerConnection running() {
        return running;
    }

    /** The server to send a request to: the running one, the one starting, or a new start. */
    synchronized CompletableFuture<ServerConnection> connection() {
        if (closed) {
            return CompletableFuture.failedFuture(new ServerUnavailableException("The OpenKB client is closed."));
        }
        if (gaveUp != null) {
            return CompletableFuture.failedFuture(new ServerUnavailableException(gaveUp));
        }
        if (current == null || current.isCompletedExceptionally()) {
            // Never started, or the last start failed (no Java, bad jar...): try again, settings may be fixed now.
            current = launch(false);
        }
        return current;
    }

    /** Stops the current server (if any), forgets past crashes and gives up no longer; the next request starts one. */
    void reset() {
        ServerConnection old;
        synchronized (this) {
            if (closed) {
                return;
            }
            old = running;
            running = null;
            current = null;
            gaveUp = null;
            config.restartPolicy().reset();
        }
        if (old != null) {
            old.shutdown(config.shutdownTimeout());
        }
    }

    /** Shuts the running server down; nothing starts after this. */
    void close() {
        ServerConnection c;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            state = OpenKbClient.State.CLOSED;
            c = running;
            running = null;
        }
        if (c != null) {
            c.shutdown(config.shutdownTimeout());
        }
    }

    /**
     * Starts a server on the executor. Called with the lock held (it sets {@code state}); the start itself and
     * its outcome run without it.
     */
    private CompletableFuture<ServerConnection> launch(boolean restart) {
        state = restart ? OpenKbClient.State.RESTARTING : OpenKbClient.State.STARTING;
        return CompletableFuture.supplyAsync(this::startOne, executor).whenComplete((c, e) -> {
            if (e != null) {
                synchronized (this) {
                    if (!closed && gaveUp == null) {
                        state = OpenKbClient.State.FAILED;
                    }
                }
                events.serverFailedToStart(OpenKbClient.unwrap(e).getMessage());
            } else {
                started(c, restart);
            }
        });
    }

    private ServerConnection startOne() {
        LaunchCommand command;
        try {
            command = config.launch().resolve();
        } catch (ClientSetupException e) {
            throw new CompletionException(new ServerUnavailableException(e.getMessage(), e));
        }
        ServerConnection c;
        try {
            c = ServerConnection.start(command, local, executor, events::log);
        } catch (IOException e) {
            throw new CompletionException(new ServerUnavailableException("Cannot start the OpenKB server ("
                    + String.join(" ", command.argv()) + "): " + e.getMessage(), e));
        }
        c.exited().thenAccept(report -> onExit(c, report));
        try {
            c.initialize(config).join();
        } catch (CompletionException e) {
            ServerUnavailableException failure = startFailure(c, OpenKbClient.unwrap(e));
            c.kill(); // a server that did not answer initialize must not linger
            throw new CompletionException(failure);
        }
        return c;
    }

    /**
     * Why a start failed, for the user. A process that died at once (a jar that is not the server, a JVM that
     * refuses its options) often fails the initialize write ("Stream closed") before its exit is noticed: its
     * exit report, with the last stderr lines, says far more, so it is awaited briefly and preferred.
     */
    private ServerUnavailableException startFailure(ServerConnection c, Throwable cause) {
        if (cause instanceof ServerUnavailableException s) {
            return s;
        }
        if (cause instanceof TimeoutException) {
            return new ServerUnavailableException("The OpenKB server did not answer initialize within "
                    + config.startTimeout().toSeconds() + " seconds, so it was stopped.", cause);
        }
        String report = c.exited().copy().completeOnTimeout(null, 3, TimeUnit.SECONDS).join();
        if (report != null) {
            return new ServerUnavailableException(report, cause);
        }
        return new ServerUnavailableException("The OpenKB server did not start: " + cause, cause);
    }

    private void started(ServerConnection c, boolean restart) {
        boolean diedEarly;
        boolean closedMeanwhile;
        synchronized (this) {
            closedMeanwhile = closed;
            // Died between its initialize answer and now? onExit ignored it (it was not running yet).
            diedEarly = !closedMeanwhile && c.exited().isDone();
            if (diedEarly) {
                current = null;
                state = OpenKbClient.State.FAILED;
            } else if (!closedMeanwhile) {
                running = c;
                state = OpenKbClient.State.RUNNING;
            }
        }
        if (closedMeanwhile) { // close() ran while this server was starting: it must not outlive the client
            c.shutdown(config.shutdownTimeout());
            return;
        }
        if (diedEarly) {
            events.serverFailedToStart(c.exited().join());
            return;
        }
        onStarted.accept(c);
        events.serverStarted(restart);
    }

    private void onExit(ServerConnection c, String report) {
        String message;
        boolean restarting;
        synchronized (this) {
            if (closed || c.isClosing() || running != c) {
                return; // stopped on purpose, or died while starting (launch() or started() reports that)
            }
            running = null;
            RestartPolicy policy = config.restartPolicy();
            if (!policy.crashed()) {
                gaveUp = report + "\nIt stopped " + policy.recentCrashes() + " times within " + policy.window().toMinutes()
                        + " minutes, so it is not restarted again. Fix the cause, then use Tools | OpenKB | Restart OpenKB Server.";
                current = CompletableFuture.failedFuture(new ServerUnavailableException(gaveUp));
                state = OpenKbClient.State.FAILED;
                message = gaveUp;
                restarting = false;
            } else {
                current = launch(true);
                message = report + "\nRestarting it.";
                restarting = true;
            }
        }
        events.serverCrashed(message, restarting);
    }
}
