package dev.openkb.lint;

import dev.openkb.wiki.FrontmatterException;
import dev.openkb.wiki.Heading;
import dev.openkb.wiki.WikiLink;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The byte format of the lint parse cache: magic, format version, entry count, entries, CRC-32 of
 * everything before it. An entry is a page's wiki-relative path, the size and mtime it had when read,
 * and every field {@link PageParser} produced (key and stem are derived from the path again).
 *
 * <p>The file is KB content, so decoding trusts nothing: every length and count is checked against
 * the bytes left, frontmatter nesting is bounded, and any malformation (or a checksum or version
 * mismatch) rejects the whole file ({@link Corrupt}), which the caller then rebuilds. No Java
 * serialization: only the value types below can come back. Stateless.
 */
final class ParseCacheCodec {
    /** Bump whenever {@link PageParser}'s output or this layout changes: an older file is then ignored. */
    static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = "OKBLPC\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_DEPTH = 32;

    private static final byte NULL = 0, STRING = 1, TRUE = 2, FALSE = 3, INT = 4, LONG = 5, DOUBLE = 6,
            LIST = 7, MAP = 8, DATE = 9;

    private ParseCacheCodec() {
    }

    /** The cache file is not one this version wrote, or not whole. */
    static final class Corrupt extends Exception {
        Corrupt(String why) {
            super(why, null, false, false);
        }
    }

    /** A frontmatter value of a type the format does not carry (binary, set, ...): that page is not cached. */
    static final class Unencodable extends Exception {
        Unencodable(String why) {
            super(why, null, false, false);
        }
    }

    static byte[] encode(Map<String, CachedPage> entries) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(1024, entries.size() * 1024));
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(FORMAT_VERSION);
            out.writeInt(entries.size());
            for (CachedPage e : entries.values()) {
                out.write(e.encoded());
            }
            out.flush();
            return CrcTrailer.sealed(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream", e);
        }
    }

    /** One entry's bytes, so entries can be encoded on the parallel load and joined at the end. */
    static byte[] encodeEntry(long size, long mtime, WikiPage p) throws Unencodable {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
            DataOutputStream out = new DataOutputStream(bytes);
            string(out, p.relPath());
            out.writeLong(size);
            out.writeLong(mtime);
            string(out, p.title());
            nullableString(out, p.description());
            value(out, p.frontmatter(), 0);
            out.writeInt(p.frontmatterEndLine());
            out.writeBoolean(p.frontmatterError() != null);
            if (p.frontmatterError() != null) {
                out.writeInt(p.frontmatterError().line());
                string(out, p.frontmatterError().firstLine());
                Range r = p.errorRange();
                out.writeInt(r.startLine());
                out.writeInt(r.startChar());
                out.writeInt(r.endLine());
                out.writeInt(r.endChar());
            }
            out.writeInt(p.links().size());
            for (WikiLink l : p.links()) {
                string(out, l.raw());
                string(out, l.target());
                nullableString(out, l.alias());
                nullableString(out, l.heading());
                out.writeInt(l.line());
                out.writeInt(l.startChar());
                out.writeInt(l.endChar());
            }
            out.writeInt(p.headings().size());
            for (Heading h : p.headings()) {
                out.writeInt(h.level());
                string(out, h.text());
                out.writeInt(h.line());
            }
            out.writeInt(p.firstLineLength());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream", e);
        }
    }

    /** Decodes a whole file; entries keep the encoded bytes so an unchanged entry is re-written as is. */
    static Map<String, CachedPage> decode(byte[] file) throws Corrupt {
        if (file.length < MAGIC.length + 12 || !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new Corrupt("not a lint parse cache");
        }
        if (!CrcTrailer.matches(file)) {
            throw new Corrupt("checksum mismatch");
        }
        ByteBuffer in = ByteBuffer.wrap(file);
        in.limit(file.length - CrcTrailer.BYTES).position(MAGIC.length);
        try {
            if (in.getInt() != FORMAT_VERSION) {
                throw new Corrupt("another format version");
            }
            int count = count(in);
            Map<String, CachedPage> out = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                int start = in.position();
                String relPath = string(in);
                long size = in.getLong();
                long mtime = in.getLong();
                WikiPage page = page(in, relPath);
                byte[] encoded = Arrays.copyOfRange(file, start, in.position());
                if (out.put(relPath, new CachedPage(size, mtime, page, encoded)) != null) {
                    throw new Corrupt("duplicate entry");
                }
            }
            if (in.hasRemaining()) {
                throw new Corrupt("trailing bytes");
            }
            return out;
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new Corrupt("truncated or malformed");
        }
    }

    private static WikiPage page(ByteBuffer in, String relPath) throws Corrupt {
        String title = string(in);
        String description = nullableString(in);
        if (!(value(in, 0) instanceof Map<?, ?> map)) {
            throw new Corrupt("frontmatter is not a map");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = Collections.unmodifiableMap((Map<String, Object>) map);
        int endLine = in.getInt();
        FrontmatterException error = null;
        Range errorRange = null;
        if (bool(in)) {
            error = new FrontmatterException(in.getInt(), string(in), null);
            errorRange = new Range(in.getInt(), in.getInt(), in.getInt(), in.getInt());
        }
        int links = count(in);
        List<WikiLink> linkList = new ArrayList<>(links);
        for (int i = 0; i < links; i++) {
            linkList.add(new WikiLink(string(in), string(in), nullableString(in), nullableString(in),
                    in.getInt(), in.getInt(), in.getInt()));
        }
        int headings = count(in);
        List<Heading> headingList = new ArrayList<>(headings);
        for (int i = 0; i < headings; i++) {
            headingList.add(new Heading(in.getInt(), string(in), in.getInt()));
        }
        int firstLineLength = in.getInt();
        String key = PageScope.keyOf(relPath);
        return new WikiPage(relPath, key, PageScope.stemOf(key), title, description, fields, endLine, error, errorRange,
                List.copyOf(linkList), List.copyOf(headingList), firstLineLength, true);
    }

    private static void value(DataOutputStream out, Object v, int depth) throws IOException, Unencodable {
        if (depth > MAX_DEPTH) {
            throw new Unencodable("frontmatter nested too deep");
        }
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof String s) {
            out.writeByte(STRING);
            string(out, s);
        } else if (v instanceof Boolean b) {
            out.writeByte(b ? TRUE : FALSE);
        } else if (v instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (v instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (v instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (v instanceof Date d && v.getClass() == Date.class) {
            out.writeByte(DATE);
            out.writeLong(d.getTime());
        } else if (v instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object o : list) {
                value(out, o, depth + 1);
            }
        } else if (v instanceof Map<?, ?> map) {
            out.writeByte(MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                value(out, e.getKey(), depth + 1);
                value(out, e.getValue(), depth + 1);
            }
        } else {
            throw new Unencodable("frontmatter value of type " + v.getClass().getSimpleName());
        }
    }

    private static Object value(ByteBuffer in, int depth) throws Corrupt {
        if (depth > MAX_DEPTH) {
            throw new Corrupt("frontmatter nested too deep");
        }
        byte tag = in.get();
        switch (tag) {
            case NULL: return null;
            case STRING: return string(in);
            case TRUE: return Boolean.TRUE;
            case FALSE: return Boolean.FALSE;
            case INT: return in.getInt();
            case LONG: return in.getLong();
            case DOUBLE: return in.getDouble();
            case DATE: return new Date(in.getLong());
            case LIST: {
                int n = count(in);
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(value(in, depth + 1));
                }
                return list;
            }
            case MAP: {
                int n = count(in);
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    map.put(value(in, depth + 1), value(in, depth + 1));
                }
                return map;
            }
            default: throw new Corrupt("unknown value tag " + tag);
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void nullableString(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            string(out, s);
        }
    }

    private static String string(ByteBuffer in) throws Corrupt {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) {
            throw new Corrupt("bad string length");
        }
        String s = new String(in.array(), in.position(), n, StandardCharsets.UTF_8);
        in.position(in.position() + n);
        return s;
    }

    private static String nullableString(ByteBuffer in) throws Corrupt {
        return bool(in) ? string(in) : null;
    }

    private static boolean bool(ByteBuffer in) throws Corrupt {
        byte b = in.get();
        if (b != 0 && b != 1) {
            throw new Corrupt("bad boolean");
        }
        return b == 1;
    }

    /** A count of items that take at least one byte each, so it cannot exceed the bytes left. */
    private static int count(ByteBuffer in) throws Corrupt {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) {
            throw new Corrupt("bad count");
        }
        return n;
    }
}
