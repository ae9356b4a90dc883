package dev.openkb.client.connection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * Decides whether a crashed server is started again: yes, unless it has now crashed {@code maxCrashes} times
 * within {@code window} (vscode-xml's rule: 5 in 10 minutes). A server that keeps dying on start would otherwise
 * respawn forever. Guarded by {@code this}: crashes are reported from process-exit threads.
 */
public final class RestartPolicy {
    private final int maxCrashes;
    private final Duration window;
    private final Clock clock;
    private final ArrayDeque<Instant> crashes = new ArrayDeque<>();

    public RestartPolicy(int maxCrashes, Duration window, Clock clock) {
        if (maxCrashes < 1) {
            throw new IllegalArgumentException("maxCrashes must be at least 1, got " + maxCrashes);
        }
        this.maxCrashes = maxCrashes;
        this.window = window;
        this.clock = clock;
    }

    public static RestartPolicy standard() {
        return new RestartPolicy(5, Duration.ofMinutes(10), Clock.systemUTC());
    }

    /** Records a crash now; true when the server may be restarted. */
    public synchronized boolean crashed() {
        Instant now = clock.instant();
        crashes.addLast(now);
        while (!crashes.isEmpty() && !crashes.peekFirst().isAfter(now.minus(window))) {
            crashes.removeFirst();
        }
        return crashes.size() < maxCrashes;
    }

    /** How many crashes count against the limit right now (for messages). */
    public synchronized int recentCrashes() {
        Instant now = clock.instant();
        return (int) crashes.stream().filter(t -> t.isAfter(now.minus(window))).count();
    }

    /** Forgets past crashes (the user restarted the server by hand). */
    public synchronized void reset() {
        crashes.clear();
    }

    public int maxCrashes() {
        return maxCrashes;
    }

    public Duration window() {
        return window;
    }
}
