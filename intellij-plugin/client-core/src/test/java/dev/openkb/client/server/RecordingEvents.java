package dev.openkb.client.server;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.openkb.client.connection.ClientEvents;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records what the client reports, so tests can wait for an event instead of sleeping. Thread-safe. */
final class RecordingEvents implements ClientEvents {
    record Crash(String message, boolean restarting) {
    }

    final BlockingQueue<Boolean> starts = new LinkedBlockingQueue<>();
    final BlockingQueue<Crash> crashes = new LinkedBlockingQueue<>();
    final BlockingQueue<String> startFailures = new LinkedBlockingQueue<>();
    final List<String> log = new CopyOnWriteArrayList<>();

    @Override
    public void serverStarted(boolean restart) {
        starts.add(restart);
    }

    @Override
    public void serverCrashed(String message, boolean restarting) {
        crashes.add(new Crash(message, restarting));
    }

    @Override
    public void serverFailedToStart(String message) {
        startFailures.add(message);
    }

    @Override
    public void log(String line) {
        log.add(line);
    }

    static <T> T next(BlockingQueue<T> queue, Duration timeout, String what) throws InterruptedException {
        T value = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(value, "no " + what + " within " + timeout);
        return value;
    }
}
