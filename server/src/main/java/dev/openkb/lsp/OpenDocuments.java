package dev.openkb.lsp;

import dev.openkb.wiki.TextLines;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * The buffers the editor has open: their text and version, keyed by path, with the URI string the
 * client used (diagnostics for an open file go back under that exact URI).
 *
 * <p>Threading: written only by the LSP reader thread (didOpen/didChange/didClose arrive in order
 * there); read from any thread. Each entry is an immutable {@link Doc}, swapped whole.
 */
final class OpenDocuments {
    /** One open buffer at one version. */
    record Doc(String uri, Path path, int version, String text) {
    }

    private final Map<Path, Doc> docs = new ConcurrentHashMap<>();

    Doc open(String uri, Path path, int version, String text) {
        Doc d = new Doc(uri, path, version, text);
        docs.put(path, d);
        return d;
    }

    /**
     * Applies LSP content changes in order: a change without a range replaces the whole text, one
     * with a range replaces that span (lines and UTF-16 columns, clamped to the text). Empty when
     * the document is not open.
     */
    Optional<Doc> change(Path path, int version, List<TextDocumentContentChangeEvent> changes) {
        Doc d = docs.get(path);
        if (d == null) {
            return Optional.empty();
        }
        String text = d.text();
        for (TextDocumentContentChangeEvent c : changes) {
            text = apply(text, c);
        }
        Doc next = new Doc(d.uri(), path, version, text);
        docs.put(path, next);
        return Optional.of(next);
    }

    static String apply(String text, TextDocumentContentChangeEvent c) {
        Range r = c.getRange();
        if (r == null) {
            return c.getText();
        }
        TextLines lines = TextLines.of(text);
        int start = offset(text, lines, r.getStart());
        int end = Math.max(start, offset(text, lines, r.getEnd()));
        return text.substring(0, start) + c.getText() + text.substring(end);
    }

    /** A position's offset; a column past the line's end means the end of the line (LSP's rule). */
    static int offset(String text, TextLines lines, org.eclipse.lsp4j.Position p) {
        if (p.getLine() >= lines.lineCount()) {
            return text.length();
        }
        int line = Math.max(0, p.getLine());
        int col = Math.max(0, Math.min(p.getCharacter(), lines.lineLength(text, line)));
        return lines.lineStart(line) + col;
    }

    void close(Path path) {
        docs.remove(path);
    }

    Optional<Doc> get(Path path) {
        return Optional.ofNullable(docs.get(path));
    }

    /** The open buffers under {@code root}. */
    List<Doc> under(Path root) {
        return docs.values().stream().filter(d -> d.path().startsWith(root)).toList();
    }
}
