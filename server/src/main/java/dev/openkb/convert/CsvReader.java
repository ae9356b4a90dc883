package dev.openkb.convert;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV one record at a time: comma separated, fields optionally in double quotes,
 * a doubled quote inside quotes is one quote, quoted fields may hold commas and line breaks, and
 * records end at CRLF, LF or CR. Lenient where RFC 4180 is silent (a quote inside an unquoted
 * field is text), strict where silence would lose data: a quote left open at the end of the file,
 * or a record over {@value #MAX_RECORD_CHARS} characters (usually the same stray quote), fails
 * the file. One instance per pass over the file, confined to its thread.
 */
final class CsvReader implements Closeable {
    static final int MAX_RECORD_CHARS = 16 * 1024 * 1024;

    private final Reader in;
    private final Path source;
    private final char[] buf = new char[8192];
    private int pos;
    private int len;
    private long line = 1;

    CsvReader(Reader in, Path source) {
        this.in = in;
        this.source = source;
    }

    /** The next record's fields, or null at the end of the file. */
    List<String> next() throws IOException {
        int c = read();
        if (c < 0) {
            return null;
        }
        long startLine = line;
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStart = true;
        long chars = 0;
        while (true) {
            if (c < 0) {
                if (quoted) {
                    throw ShortDocs.failure(source, "unterminated quoted field in the record starting on line "
                            + startLine);
                }
                record.add(field.toString());
                return record;
            }
            if (++chars > MAX_RECORD_CHARS) {
                throw ShortDocs.failure(source, "the record starting on line " + startLine + " is longer than "
                        + MAX_RECORD_CHARS + " characters (an unbalanced quote?)");
            }
            if (c == '\n') {
                line++;
            }
            if (quoted) {
                if (c == '"') {
                    int d = read();
                    if (d != '"') {
                        quoted = false;
                        c = d;
                        continue;
                    }
                }
                field.append((char) c);
            } else if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStart = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && peek() == '\n') {
                    read();
                    line++;
                }
                record.add(field.toString());
                return record;
            } else {
                field.append((char) c);
                fieldStart = false;
            }
            c = read();
        }
    }

    /** True for the empty record a blank line gives. */
    static boolean isBlank(List<String> record) {
        return record.size() == 1 && record.get(0).isBlank();
    }

    private int read() throws IOException {
        if (pos == len && !fill()) {
            return -1;
        }
        return buf[pos++];
    }

    private int peek() throws IOException {
        if (pos == len && !fill()) {
            return -1;
        }
        return buf[pos];
    }

    private boolean fill() throws IOException {
        len = in.read(buf, 0, buf.length);
        pos = 0;
        if (len < 0) {
            len = 0;
            return false;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
