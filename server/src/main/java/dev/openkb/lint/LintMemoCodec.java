package dev.openkb.lint;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The byte format of the lint memo: magic, format version, the program identity, the inputs'
 * digest, the time the inputs were scanned, the findings, CRC-32 of everything before it.
 *
 * <p>The file is KB content (a KB may arrive by git clone), so decoding trusts nothing: every length
 * and count is checked against the bytes left, a code must be one of {@link LintCodes#ALL}, a path
 * must be a plain relative path under {@code wiki/} or {@code raw/} (it is only ever printed, never
 * opened), and any malformation rejects the whole file ({@link Corrupt}). No Java serialization.
 * Stateless.
 */
final class LintMemoCodec {
    /** Bump whenever the layout below changes: an older file is then ignored. */
    static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = "OKBLMEMO".getBytes(StandardCharsets.US_ASCII);
    static final int DIGEST_BYTES = 24;
    private static final Severity[] SEVERITIES = Severity.values();

    private LintMemoCodec() {
    }

    /** The file is not one this version wrote, or not whole. */
    static final class Corrupt extends Exception {
        Corrupt(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * What a memo holds.
     *
     * @param programId  the program that wrote it ({@link LintMemo#PROGRAM})
     * @param digest     {@link LintInputs#digest()} of the inputs it was computed from
     * @param stampNanos when those inputs were scanned (ns since the epoch, before the scan began)
     * @param findings   every finding of that lint
     */
    record Memo(String programId, byte[] digest, long stampNanos, List<LintFinding> findings) {
    }

    static byte[] encode(Memo memo) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(FORMAT_VERSION);
            string(out, memo.programId());
            out.write(memo.digest());
            out.writeLong(memo.stampNanos());
            out.writeInt(memo.findings().size());
            for (LintFinding f : memo.findings()) {
                string(out, f.code());
                out.writeByte(f.severity().ordinal());
                string(out, f.path());
                out.writeInt(f.range().startLine());
                out.writeInt(f.range().startChar());
                out.writeInt(f.range().endLine());
                out.writeInt(f.range().endChar());
                string(out, f.message());
                out.writeInt(f.data().size());
                for (Map.Entry<String, String> e : f.data().entrySet()) {
                    string(out, e.getKey());
                    string(out, e.getValue());
                }
            }
            out.flush();
            return CrcTrailer.sealed(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream", e);
        }
    }

    static Memo decode(byte[] file) throws Corrupt {
        if (file.length < MAGIC.length + 4 + 4) {
            throw new Corrupt("truncated");
        }
        if (!CrcTrailer.matches(file)) {
            throw new Corrupt("checksum");
        }
        ByteBuffer in = ByteBuffer.wrap(file, 0, file.length - CrcTrailer.BYTES);
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC) || in.getInt() != FORMAT_VERSION) {
                throw new Corrupt("not this format version");
            }
            String programId = string(in);
            byte[] digest = new byte[DIGEST_BYTES];
            in.get(digest);
            long stamp = in.getLong();
            int n = count(in, 4 * 6 + 1);
            List<LintFinding> findings = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                findings.add(finding(in));
            }
            if (in.hasRemaining()) {
                throw new Corrupt("trailing bytes");
            }
            return new Memo(programId, digest, stamp, List.copyOf(findings));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new Corrupt("malformed");
        }
    }

    private static LintFinding finding(ByteBuffer in) throws Corrupt {
        String code = string(in);
        if (!LintCodes.ALL.contains(code)) {
            throw new Corrupt("unknown code");
        }
        int severity = in.get();
        if (severity < 0 || severity >= SEVERITIES.length) {
            throw new Corrupt("unknown severity");
        }
        String path = string(in);
        if (!isPlainPath(path)) {
            throw new Corrupt("path");
        }
        int sl = in.getInt(), sc = in.getInt(), el = in.getInt(), ec = in.getInt();
        if (sl < 0 || sc < 0 || el < 0 || ec < 0) {
            throw new Corrupt("range");
        }
        String message = string(in);
        int d = count(in, 8);
        Map<String, String> data = new LinkedHashMap<>();
        for (int i = 0; i < d; i++) {
            data.put(string(in), string(in));
        }
        if (data.size() != d) {
            throw new Corrupt("duplicate data key");
        }
        return new LintFinding(code, SEVERITIES[severity], path, new Range(sl, sc, el, ec), message, data);
    }

    /** A path the lint itself could report: under wiki/ or raw/, no "..", "." or empty segment. */
    static boolean isPlainPath(String rel) {
        if (!(rel.startsWith("wiki/") || rel.startsWith("raw/")) || rel.contains("\\") || rel.indexOf('\0') >= 0) {
            return false;
        }
        for (String segment : rel.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(ByteBuffer in) throws Corrupt {
        int len = count(in, 1);
        byte[] b = new byte[len];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A count of items each at least {@code minBytes} long, checked against the bytes left. */
    private static int count(ByteBuffer in, int minBytes) throws Corrupt {
        int n = in.getInt();
        if (n < 0 || (long) n * minBytes > in.remaining()) {
            throw new Corrupt("count beyond the file");
        }
        return n;
    }
}
