package dev.openkb.client.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {
    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void restartsFourTimesThenGivesUpOnTheFifthCrashWithinTenMinutes() {
        ManualClock clock = new ManualClock();
        RestartPolicy p = new RestartPolicy(5, Duration.ofMinutes(10), clock);
        for (int i = 1; i <= 4; i++) {
            assertTrue(p.crashed(), "crash " + i);
            clock.advance(Duration.ofMinutes(2));
        }
        assertFalse(p.crashed());
        assertEquals(5, p.recentCrashes());
    }

    @Test
    void crashesOlderThanTheWindowNoLongerCount() {
        ManualClock clock = new ManualClock();
        RestartPolicy p = new RestartPolicy(2, Duration.ofMinutes(10), clock);
        assertTrue(p.crashed());
        clock.advance(Duration.ofMinutes(10));
        assertTrue(p.crashed(), "the first crash is exactly 10 minutes old: out of the window");
        clock.advance(Duration.ofMinutes(1));
        assertFalse(p.crashed());
    }

    @Test
    void resetForgetsPastCrashes() {
        RestartPolicy p = new RestartPolicy(1, Duration.ofMinutes(10), new ManualClock());
        assertFalse(p.crashed());
        p.reset();
        assertEquals(0, p.recentCrashes());
    }

    @Test
    void refusesALimitBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new RestartPolicy(0, Duration.ofMinutes(1), new ManualClock()));
    }
}
