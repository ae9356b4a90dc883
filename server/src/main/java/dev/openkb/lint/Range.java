package dev.openkb.lint;

/** A 0-based, end-exclusive span of a file in LSP terms (lines, UTF-16 columns). */
public record Range(int startLine, int startChar, int endLine, int endChar) {
    /** The empty range at the start of a file, for findings about a whole file. */
    public static final Range FILE_START = new Range(0, 0, 0, 0);

    /** The whole of line {@code line}, {@code length} UTF-16 units long. */
    public static Range line(int line, int length) {
        return new Range(line, 0, line, length);
    }
}
