package dev.openkb.lint;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * The CRC32 trailer both of lint's cache files end with (the parse cache and the lint memo): four
 * big-endian bytes over everything before them, so a torn, truncated or hand-edited file is told
 * from a valid one before any of its fields is trusted. Stateless.
 */
final class CrcTrailer {
    static final int BYTES = 4;

    private CrcTrailer() {
    }

    /** Returns the body followed by its trailer. */
    static byte[] sealed(ByteArrayOutputStream body) {
        byte[] bytes = body.toByteArray();
        byte[] out = java.util.Arrays.copyOf(bytes, bytes.length + BYTES);
        ByteBuffer.wrap(out, bytes.length, BYTES).putInt(crc(bytes, bytes.length));
        return out;
    }

    /** Whether the file is long enough to hold a trailer and its last four bytes match the rest. */
    static boolean matches(byte[] file) {
        return file.length >= BYTES
                && ByteBuffer.wrap(file, file.length - BYTES, BYTES).getInt() == crc(file, file.length - BYTES);
    }

    private static int crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}
