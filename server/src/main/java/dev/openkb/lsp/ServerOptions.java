package dev.openkb.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;

/**
 * The server's tunables. The defaults are what editors get; tests and benchmarks shorten them, and a
 * client may override the first two through {@code initializationOptions} (see docs/protocol.md).
 *
 * @param diagnosticsDelay quiet period per document after a change before its diagnostics are
 *                         recomputed (debounce)
 * @param progressInterval minimum spacing of {@code $/progress} reports (begin and end are never held back)
 * @param progressCreateTimeout how long buffered progress waits for the client to answer
 *                         {@code window/workDoneProgress/create} before it is dropped
 * @param recoveryLockTimeout how long {@code initialize} waits for a KB lock held by another process
 *                         before it leaves recovery to the next mutation
 * @param shutdownGrace    how long shutdown/exit wait for cancelled operations to finish cleanly
 * @param searchDepth      how many folder levels below each workspace folder are searched for KBs
 */
public record ServerOptions(Duration diagnosticsDelay, Duration progressInterval, Duration progressCreateTimeout,
        Duration recoveryLockTimeout, Duration shutdownGrace, int searchDepth) {

    public static ServerOptions defaults() {
        return new ServerOptions(Duration.ofMillis(150), Duration.ofMillis(100), Duration.ofSeconds(2),
                Duration.ofSeconds(10), Duration.ofSeconds(30), 3);
    }

    public ServerOptions withDiagnosticsDelay(Duration d) {
        return new ServerOptions(d, progressInterval, progressCreateTimeout, recoveryLockTimeout, shutdownGrace,
                searchDepth);
    }

    public ServerOptions withProgressInterval(Duration d) {
        return new ServerOptions(diagnosticsDelay, d, progressCreateTimeout, recoveryLockTimeout, shutdownGrace,
                searchDepth);
    }

    /** These options with {@code diagnosticsDelayMs} / {@code progressIntervalMs} from initializationOptions. */
    ServerOptions with(Object initializationOptions) {
        if (!(initializationOptions instanceof JsonObject o)) {
            return this;
        }
        ServerOptions out = this;
        Long delay = millis(o.get("diagnosticsDelayMs"));
        if (delay != null) {
            out = out.withDiagnosticsDelay(Duration.ofMillis(delay));
        }
        Long interval = millis(o.get("progressIntervalMs"));
        if (interval != null) {
            out = out.withProgressInterval(Duration.ofMillis(interval));
        }
        return out;
    }

    private static Long millis(JsonElement e) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            return null;
        }
        long v = e.getAsLong();
        return v >= 0 && v <= 60_000 ? v : null;
    }
}
