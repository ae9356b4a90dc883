package dev.openkb.wiki;

/**
 * Frontmatter YAML that does not load. {@link #line()} is 0-based: within the YAML text given to
 * {@link Frontmatter#parse(String)}, or within the whole page for {@link FrontmatterBlock#parse()}.
 * {@link #firstLine()} is the first line of the YAML error, as OpenKB's lint prints it
 * ({@code str(exc).splitlines()[0]}; SnakeYAML words its errors as PyYAML does).
 */
public final class FrontmatterException extends Exception {
    private final int line;
    private final String firstLine;

    public FrontmatterException(int line, String firstLine, Throwable cause) {
        super("line " + (line + 1) + ": " + firstLine, cause);
        this.line = line;
        this.firstLine = firstLine;
    }

    public int line() {
        return line;
    }

    public String firstLine() {
        return firstLine;
    }

    /** The same error with its line moved by {@code lines}. */
    FrontmatterException shifted(int lines) {
        return new FrontmatterException(line + lines, firstLine, getCause());
    }
}
