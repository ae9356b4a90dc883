package dev.openkb.lsp;

import dev.openkb.lint.PageScope;
import dev.openkb.lint.WikiPage;
import dev.openkb.wiki.Heading;
import dev.openkb.wiki.TextLines;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Completion inside an open {@code [[}: page targets by path (matching the typed text against the
 * path or the title), or, after {@code #}, the headings of the named page. The edit replaces what
 * was typed after {@code [[} and closes the link unless {@code ]]} already follows. Lists are
 * capped (marked incomplete) so a 10,000-page KB answers quickly. Stateless.
 */
final class Completion {
    static final int MAX_ITEMS = 100;

    private Completion() {
    }

    static CompletionList complete(PageContext c, Position pos) {
        TextLines lines = TextLines.of(c.text());
        if (pos.getLine() >= lines.lineCount()) {
            return new CompletionList(false, List.of());
        }
        int lineStart = lines.lineStart(pos.getLine());
        int cursor = lineStart + Math.min(pos.getCharacter(), lines.lineLength(c.text(), pos.getLine()));
        String before = c.text().substring(lineStart, cursor);
        int open = before.lastIndexOf("[[");
        if (open < 0 || before.indexOf("]]", open) >= 0) {
            return new CompletionList(false, List.of());
        }
        String typed = before.substring(open + 2);
        if (typed.indexOf('|') >= 0) {
            return new CompletionList(false, List.of());
        }
        boolean closed = c.text().startsWith("]]", cursor);
        int hash = typed.indexOf('#');
        if (hash >= 0) {
            Position from = new Position(pos.getLine(), open + 2 + hash + 1);
            return headings(c, typed.substring(0, hash), new Range(from, pos), closed);
        }
        return pages(c, typed, new Range(new Position(pos.getLine(), open + 2), pos), closed);
    }

    private static CompletionList pages(PageContext c, String typed, Range range, boolean closed) {
        String q = typed.strip().toLowerCase(Locale.ROOT);
        List<WikiPage> matches = new ArrayList<>();
        for (WikiPage p : c.snapshot().index().pages()) {
            if (!PageScope.EXCLUDED_NAMES.contains(p.stem() + ".md") && matches(p, q)) {
                matches.add(p);
            }
        }
        matches.sort(Comparator.comparing((WikiPage p) -> !p.key().toLowerCase(Locale.ROOT).startsWith(q)
                && !p.stem().toLowerCase(Locale.ROOT).startsWith(q)).thenComparing(WikiPage::key));
        List<CompletionItem> items = new ArrayList<>();
        for (WikiPage p : matches.subList(0, Math.min(MAX_ITEMS, matches.size()))) {
            CompletionItem item = new CompletionItem(p.key());
            item.setKind(CompletionItemKind.File);
            item.setDetail(p.title());
            if (p.description() != null) {
                item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, p.description()));
            }
            item.setFilterText(p.key() + " " + p.title());
            item.setSortText(String.format("%05d", items.size()));
            item.setTextEdit(Either.forLeft(new TextEdit(range, p.key() + (closed ? "" : "]]"))));
            items.add(item);
        }
        return new CompletionList(matches.size() > MAX_ITEMS, items);
    }

    private static boolean matches(WikiPage p, String q) {
        return q.isEmpty() || p.key().toLowerCase(Locale.ROOT).contains(q) || p.title().toLowerCase(Locale.ROOT).contains(q);
    }

    private static CompletionList headings(PageContext c, String target, Range range, boolean closed) {
        Optional<WikiPage> page = target.isBlank() ? c.page() : c.snapshot().index().resolve(target);
        List<CompletionItem> items = new ArrayList<>();
        for (Heading h : page.map(WikiPage::headings).orElse(List.of())) {
            if (h.text().isEmpty()) {
                continue;
            }
            CompletionItem item = new CompletionItem(h.text());
            item.setKind(CompletionItemKind.Reference);
            item.setDetail("#".repeat(h.level()) + " " + h.text());
            item.setSortText(String.format("%05d", items.size()));
            item.setTextEdit(Either.forLeft(new TextEdit(range, h.text() + (closed ? "" : "]]"))));
            items.add(item);
        }
        return new CompletionList(false, items);
    }
}
