package dev.openkb.client.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.openkb.client.protocol.FileProgress;
import org.junit.jupiter.api.Test;

/** The IDE shows the server's percentage, message and summary as they are. */
class AddProgressTest {
    private static FileProgress ev(String name, int index, String stage, int percent, String message, String summary) {
        return new FileProgress("file:///kb/" + name, null, index, 2, stage, "done".equals(stage) ? "added" : null, null,
                percent, message, summary);
    }

    @Test
    void showsTheServersMessageAndPercentage() {
        AddProgress p = new AddProgress();
        ProgressLine line = p.accept(ev("a.md", 1, "prepared", 35, "1/2 prepared a.md", "0 added"));
        assertEquals(new ProgressLine("1/2 prepared a.md", 0.35), line);
        p.accept(ev("a.md", 1, "done", 50, "1/2 added a.md", "1 added"));
        p.accept(ev("b.md", 2, "done", 100, "2/2 added b.md", "2 added"));
        assertEquals(new ProgressLine("2/2 added b.md", 1.0), p.current());
        assertEquals("2 added", p.summary(), "the server's running summary");
    }

    @Test
    void theBarNeverMovesBackEvenIfEventsArriveOutOfOrder() {
        AddProgress p = new AddProgress();
        p.accept(ev("a.md", 1, "done", 50, "1/2 added a.md", "1 added"));
        assertEquals(0.5, p.accept(ev("b.md", 2, "hashing", 30, "2/2 hashing b.md", "1 added")).fraction(), 1e-9);
    }

    @Test
    void startsAtZero() {
        assertEquals(0, new AddProgress().current().fraction());
        assertEquals("0 added", new AddProgress().summary());
    }
}
