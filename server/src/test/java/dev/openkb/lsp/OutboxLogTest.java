package dev.openkb.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.lsp4j.MessageType;
import org.junit.jupiter.api.Test;

/**
 * A user-facing log message reaches the client once. It used to go to stderr as well, and VS Code
 * shows the server's stderr in the same output channel as window/logMessage: every line twice.
 */
class OutboxLogTest {
    /** Collects what java.util.logging (the server's stderr) would print. */
    private static final class Captured extends Handler {
        final List<LogRecord> records = new ArrayList<>();

        @Override
        public synchronized void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aLogMessageIsSentAsLogMessageOnlyAndNotAlsoToStderr() {
        Logger logger = Logger.getLogger(Outbox.class.getName());
        Captured stderr = new Captured();
        Level before = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(stderr);
        RecordingClient client = new RecordingClient();
        try (Outbox outbox = new Outbox()) {
            outbox.connect(client);
            outbox.log(MessageType.Warning, "OpenKB: something to know");
            outbox.flushed().join();
        } finally {
            logger.removeHandler(stderr);
            logger.setLevel(before);
        }
        assertEquals(1, client.logs().size(), client.logs().toString());
        assertEquals(MessageType.Warning, client.logs().get(0).getType());
        assertEquals(List.of(), stderr.records.stream().map(LogRecord::getMessage).toList());
    }
}
