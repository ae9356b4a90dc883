package dev.openkb.lsp;

import dev.openkb.lint.WikiPage;
import dev.openkb.wiki.Frontmatter;
import dev.openkb.wiki.FrontmatterBlock;
import dev.openkb.wiki.Heading;
import dev.openkb.wiki.Headings;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;

/**
 * {@code textDocument/codeLens}: "N backlinks" on a page's title line (its first H1, else the first
 * line after the front matter), whose command {@link #COMMAND} carries what
 * {@code editor.action.showReferences} needs: the page's URI, the lens position and the backlinks as
 * locations (each link occurrence that resolves to the page). It is a client-side command: VS Code's
 * extension maps it to its references peek, and a generic client binds it (docs/protocol.md); the
 * same list is {@code textDocument/references} at the title. Stateless.
 */
final class BacklinkLens {
    static final String COMMAND = "openkb.showBacklinks";

    private BacklinkLens() {
    }

    static List<CodeLens> lenses(PageContext c) {
        Optional<WikiPage> page = c.page();
        if (page.isEmpty()) {
            return List.of();
        }
        int line = titleLine(c.text());
        Position at = new Position(line, 0);
        List<Location> refs = Navigation.references(c, at, false);
        int pages = c.snapshot().index().backlinks(c.rel()).size();
        String title = pages == 1 ? "1 backlink" : pages + " backlinks";
        if (refs.size() != pages) {
            title += " (" + refs.size() + " links)";
        }
        Command cmd = new Command(title, COMMAND, List.of(c.uriOf(c.rel()), at, refs));
        return List.of(new CodeLens(LspMapping.lineStart(line), cmd, null));
    }

    /** The first H1's line, else the first line after the front matter (0 without one). */
    static int titleLine(String text) {
        Optional<Heading> h1 = Headings.parse(text).stream().filter(h -> h.level() == 1).findFirst();
        if (h1.isPresent()) {
            return h1.get().line();
        }
        Optional<FrontmatterBlock> fm = Frontmatter.split(text);
        int last = Math.max(0, dev.openkb.wiki.TextLines.of(text).lineCount() - 1);
        return Math.min(last, fm.map(b -> b.endLine() + 1).orElse(0));
    }
}
