package dev.openkb.lsp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One message of the LSP base protocol: header lines ({@code Content-Length}, optionally
 * {@code Content-Type}) ended by an empty line, then exactly Content-Length bytes of JSON.
 *
 * @param raw  every byte read for this message, headers included (to replay it unchanged)
 * @param body the content part
 */
record Frame(byte[] raw, byte[] body, Charset charset) {
    /** A header line longer than this is not a header: the stream is garbage, not a message. */
    private static final int MAX_HEADER_LINE = 8 * 1024;

    /** The header block could not be read as a message; the bytes up to its empty line were consumed. */
    static final class MalformedHeader extends Exception {
        MalformedHeader(String reason) {
            super(reason, null, false, false);
        }
    }

    String text() {
        return new String(body, charset);
    }

    /**
     * Reads the next message, or returns null at a clean end of input. The body grows as bytes
     * arrive, so a huge Content-Length from a broken client costs only what it really sends.
     */
    static Frame read(InputStream in) throws IOException, MalformedHeader {
        return read(in, Integer.MAX_VALUE - 64);
    }

    /** As {@link #read(InputStream)}, refusing a message whose Content-Length is above {@code maxBody}. */
    static Frame read(InputStream in, long maxBody) throws IOException, MalformedHeader {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        long length = -1;
        Charset charset = StandardCharsets.UTF_8;
        String problem = null;
        boolean any = false;
        while (true) {
            String line = readLine(in, raw, any);
            if (line == null) {
                return null;
            }
            any = true;
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            String key = colon < 0 ? line : line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = colon < 0 ? "" : line.substring(colon + 1).trim();
            if (key.equals("content-length")) {
                try {
                    length = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    problem = "Content-Length is not a number: '" + value + "'";
                }
            } else if (key.equals("content-type")) {
                int at = value.toLowerCase(Locale.ROOT).indexOf("charset=");
                if (at >= 0) {
                    String name = value.substring(at + 8).trim();
                    // LSP allows only UTF-8; "utf8" is accepted for old clients.
                    if (!name.equalsIgnoreCase("utf-8") && !name.equalsIgnoreCase("utf8")) {
                        problem = "unsupported charset '" + name + "' (only utf-8)";
                    }
                }
            }
        }
        if (problem == null && length < 0) {
            problem = "the header has no Content-Length";
        }
        if (problem == null && length > maxBody) {
            problem = "Content-Length " + length + " is too large";
        }
        if (problem != null) {
            throw new MalformedHeader(problem);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(length, 1 << 16));
        byte[] buffer = new byte[(int) Math.min(length, 1 << 16)];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                return null; // the client went away mid-message: nothing to answer
            }
            body.write(buffer, 0, n);
            left -= n;
        }
        byte[] content = body.toByteArray();
        raw.write(content);
        return new Frame(raw.toByteArray(), content, charset);
    }

    /** A header line without its CR LF, or null at end of input before a new message started. */
    private static String readLine(InputStream in, ByteArrayOutputStream raw, boolean inMessage) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (!inMessage && line.length() == 0) {
                    return null;
                }
                throw new java.io.EOFException("the input ended inside a message header");
            }
            raw.write(c);
            if (c == '\n') {
                return line.toString();
            }
            if (c != '\r') {
                if (line.length() >= MAX_HEADER_LINE) {
                    throw new IOException("a header line is longer than " + MAX_HEADER_LINE + " bytes; the stream is not LSP");
                }
                line.append((char) c);
            }
        }
    }
}
