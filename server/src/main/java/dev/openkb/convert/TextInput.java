package dev.openkb.convert;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a user's text file (.txt, .md, .csv) for strict UTF-8 reading, after checking that its first
 * 8 KiB look like text: a binary file renamed .txt, a UTF-16 file, or invalid UTF-8 fails that file
 * with CONVERSION_FAILED instead of putting mojibake into the wiki. A UTF-8 byte order mark is
 * skipped. Stateless; each returned reader belongs to the thread that opened it.
 */
final class TextInput {
    /** How much of the file the binary check looks at. */
    static final int SNIFF_BYTES = 8192;
    /** Above this share of control characters the start of a file is taken for binary. */
    private static final double MAX_CONTROL_SHARE = 0.10;

    private TextInput() {
    }

    /** A strict UTF-8 reader over the file, positioned after any UTF-8 byte order mark. */
    static Reader open(Path source) throws IOException {
        byte[] head = requireText(source);
        int bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        InputStream in = Files.newInputStream(source);
        try {
            in.skipNBytes(bom);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        return new StrictUtf8Reader(in, source, bom);
    }

    /**
     * Fails unless the first 8 KiB look like text in an ASCII-compatible encoding; returns them.
     * HTML uses this alone because jsoup finds its charset from the meta tag.
     */
    static byte[] requireText(Path source) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(source)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        if (head.length >= 2 && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF
                || (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)) {
            throw ShortDocs.failure(source, "UTF-16 text is not supported; save the file as UTF-8");
        }
        int control = 0;
        for (byte b : head) {
            if (b == 0) {
                throw ShortDocs.failure(source, "binary content (NUL bytes in the first 8 KiB); not a text file");
            }
            if (isControl(b)) {
                control++;
            }
        }
        if (head.length > 0 && control > head.length * MAX_CONTROL_SHARE) {
            throw ShortDocs.failure(source,
                    "binary content (mostly control characters in the first 8 KiB); not a text file");
        }
        return head;
    }

    /** C0 controls and DEL, except the ones text really uses: tab, newlines, form feed, escape. */
    private static boolean isControl(byte b) {
        int c = b & 0xFF;
        return c == 0x7F || c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x0B && c != 0x1B;
    }

    /**
     * A UTF-8 reader that refuses malformed input and says at which byte offset of the file it
     * starts. (InputStreamReader can only replace bad bytes or fail without saying where.)
     */
    private static final class StrictUtf8Reader extends Reader {
        private final InputStream in;
        private final Path source;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
        /** File offset of bytes.array()[0]. */
        private long base;
        private boolean eof;
        private boolean done;
        /** The low surrogate left over when a caller asked for a single char. */
        private int pending = -1;

        StrictUtf8Reader(InputStream in, Path source, long base) {
            this.in = in;
            this.source = source;
            this.base = base;
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (pending >= 0) {
                cbuf[off] = (char) pending;
                pending = -1;
                return 1;
            }
            if (len == 1) {
                char[] two = new char[2];
                int n = read(two, 0, 2);
                if (n == 2) {
                    pending = two[1];
                }
                if (n > 0) {
                    cbuf[off] = two[0];
                    return 1;
                }
                return n;
            }
            return decode(CharBuffer.wrap(cbuf, off, len), off);
        }

        private int decode(CharBuffer out, int off) throws IOException {
            while (!done && out.position() == off) {
                CoderResult cr = decoder.decode(bytes, out, eof);
                if (cr.isError()) {
                    throw ShortDocs.failure(source, "invalid UTF-8 at byte offset " + (base + bytes.position()));
                }
                if (cr.isOverflow()) {
                    break;
                }
                if (eof) {
                    decoder.flush(out);
                    done = true;
                } else {
                    fill();
                }
            }
            int n = out.position() - off;
            return n == 0 ? -1 : n;
        }

        private void fill() throws IOException {
            base += bytes.position();
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
