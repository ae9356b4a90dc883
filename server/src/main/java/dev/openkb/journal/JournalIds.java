package dev.openkb.journal;

import java.security.SecureRandom;

/**
 * Time-ordered journal ids: 32 lower-case hex digits like OpenKB's uuid4().hex, but laid out as a
 * UUIDv7 (48-bit millisecond time first), so sorting ids sorts journals by creation time and
 * recovery can roll back newest-first. Thread-safe.
 */
public final class JournalIds {
    private final SecureRandom random = new SecureRandom();

    public String next() {
        long millis = System.currentTimeMillis();
        long rand = random.nextLong();
        long hi = (millis << 16) | 0x7000L | (random.nextInt() & 0x0fff);
        long lo = (rand & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return String.format("%016x%016x", hi, lo);
    }
}
