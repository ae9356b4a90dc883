package dev.openkb.client.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.client.protocol.FileProgress;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddProgressTest {
    private static FileProgress ev(String name, int index, String stage) {
        return new FileProgress("file:///kb/" + name, null, index, 3, stage, "done".equals(stage) ? "added" : null, null);
    }

    @Test
    void interleavedFilesNeverMoveTheBarBackwards() {
        AddProgress p = new AddProgress();
        List<FileProgress> events = List.of(ev("a", 1, "queued"), ev("b", 2, "queued"), ev("c", 3, "queued"),
                ev("a", 1, "hashing"), ev("b", 2, "hashing"), ev("a", 1, "converting"), ev("c", 3, "hashing"),
                ev("b", 2, "converting"), ev("a", 1, "prepared"), ev("a", 1, "committing"), ev("a", 1, "done"),
                ev("b", 2, "prepared"), ev("c", 3, "converting"), ev("b", 2, "committing"), ev("b", 2, "done"),
                ev("c", 3, "prepared"), ev("c", 3, "committing"), ev("c", 3, "done"));
        double last = -1;
        for (FileProgress e : events) {
            double f = p.accept(e).fraction();
            assertTrue(f >= last, "went back from " + last + " to " + f + " at " + e);
            last = f;
        }
        assertEquals(1.0, last, 1e-9);
        assertEquals("3/3 · added · c", p.current().text());
    }

    @Test
    void aRepeatedOrLateEventDoesNotCountTwice() {
        AddProgress p = new AddProgress();
        p.accept(ev("a", 1, "done"));
        p.accept(ev("a", 1, "done"));
        assertEquals(1.0 / 3, p.accept(ev("a", 1, "converting")).fraction(), 1e-9);
    }

    @Test
    void startsAtZero() {
        assertEquals(0, new AddProgress().current().fraction());
    }
}
