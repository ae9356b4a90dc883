package dev.openkb.lsp;

import dev.openkb.lint.WikiIndexLoader;
import dev.openkb.lint.WikiPage;
import dev.openkb.wiki.WikiLink;
import dev.openkb.wiki.WikiLinks;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Position;

/**
 * One wiki page as a request sees it: its KB session and snapshot, its KB-relative path, and its
 * current text (the open buffer, else the disk). Links are parsed from that text, so positions
 * match what the editor shows even before the index has caught up with the last keystroke.
 * Immutable.
 */
record PageContext(KbSession session, Snapshot snapshot, OpenDocuments docs, Path file, String rel, String text) {

    /** The page behind {@code uri}, or empty when it is not a markdown page under a KB's wiki/. */
    static Optional<PageContext> of(Workspace ws, OpenDocuments docs, String uri) {
        Optional<Path> file = Uris.toPath(uri);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Optional<KbSession> session = ws.sessionFor(file.get());
        if (session.isEmpty()) {
            return Optional.empty();
        }
        String rel = session.get().pageRel(file.get());
        if (rel == null) {
            return Optional.empty();
        }
        String text = docs.get(file.get()).map(OpenDocuments.Doc::text).orElseGet(() -> WikiIndexLoader.read(file.get()));
        if (text == null) {
            return Optional.empty();
        }
        return Optional.of(new PageContext(session.get(), session.get().snapshot(), docs, file.get(), rel, text));
    }

    List<WikiLink> links() {
        return WikiLinks.parse(text);
    }

    /** The link under the cursor (its brackets included), if any. */
    Optional<WikiLink> linkAt(Position pos) {
        for (WikiLink l : links()) {
            if (l.line() == pos.getLine() && l.startChar() <= pos.getCharacter() && pos.getCharacter() <= l.endChar()) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** This page as the index knows it (possibly a few keystrokes behind {@link #text}). */
    Optional<WikiPage> page() {
        return snapshot.index().page(rel);
    }

    /** The current text of another page of this KB (its buffer when open, else the disk). */
    Optional<String> textOf(String relPath) {
        Path p = session.root().resolve(relPath);
        return docs.get(p).map(OpenDocuments.Doc::text).or(() -> Optional.ofNullable(WikiIndexLoader.read(p)));
    }

    /** The URI to show for a page of this KB: the editor's own URI when the page is open. */
    String uriOf(String relPath) {
        Path p = session.root().resolve(relPath);
        return docs.get(p).map(OpenDocuments.Doc::uri).orElseGet(() -> Uris.toUri(p));
    }
}
