package dev.openkb.client.connection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Drains a server's stderr on its own daemon thread (an undrained pipe would eventually block the server) and
 * keeps the last lines, which are what explains a crash. Lines are also passed to a log. The kept lines are
 * guarded by {@code this}.
 */
final class StderrTail {
    static final int KEEP_LINES = 30;
    private static final int MAX_LINE = 400;

    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final Thread thread;

    private StderrTail(InputStream stderr, String name, Consumer<String> log) {
        thread = new Thread(() -> drain(stderr, log), name);
        thread.setDaemon(true);
    }

    static StderrTail start(InputStream stderr, String threadName, Consumer<String> log) {
        StderrTail t = new StderrTail(stderr, threadName, log);
        t.thread.start();
        return t;
    }

    private void drain(InputStream stderr, Consumer<String> log) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                String kept = line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "…" : line;
                synchronized (this) {
                    if (lines.size() == KEEP_LINES) {
                        lines.removeFirst();
                    }
                    lines.addLast(kept);
                }
                log.accept(kept);
            }
        } catch (IOException e) {
            // The process is gone and its pipe closed under us: nothing more to read.
        }
    }

    /** Waits (briefly) until everything the exited process wrote has been read, so a crash report is complete. */
    void awaitEnd(long millis) throws InterruptedException {
        thread.join(millis);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
