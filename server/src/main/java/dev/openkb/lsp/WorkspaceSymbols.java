package dev.openkb.lsp;

import dev.openkb.lint.WikiPage;
import dev.openkb.wiki.Heading;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.WorkspaceSymbol;

/**
 * {@code workspace/symbol}: page titles and headings of every KB of the workspace, matched fuzzily
 * (the query's characters in order, case-insensitive, as VS Code's own pickers do) and ranked:
 * a prefix beats a word start beats a scattered match, shorter names first. Answered from the
 * snapshots, so it reads no file. Stateless.
 */
final class WorkspaceSymbols {
    /** Enough for any picker; a client wanting more types more. */
    static final int LIMIT = 256;

    /** Best first: higher score, then shorter name, then name. */
    private static final Comparator<Hit> ORDER = Comparator.comparingInt(Hit::score).reversed()
            .thenComparingInt((Hit h) -> h.name().length()).thenComparing(Hit::name);

    private WorkspaceSymbols() {
    }

    /** A match, made into a {@link WorkspaceSymbol} (URI and all) only if it makes the cut. */
    private record Hit(int score, String name, SymbolKind kind, String container, KbSession session, WikiPage page,
            int line) {
    }

    static List<WorkspaceSymbol> search(List<KbSession> sessions, OpenDocuments docs, String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        // The best LIMIT kept in a heap (worst on top) as they come: a short query matches most of a large wiki.
        java.util.PriorityQueue<Hit> best = new java.util.PriorityQueue<>(LIMIT + 1, ORDER.reversed());
        java.util.function.Consumer<Hit> hits = h -> {
            best.add(h);
            if (best.size() > LIMIT) {
                best.poll();
            }
        };
        for (KbSession s : sessions) {
            for (WikiPage p : s.snapshot().index().pages()) {
                int titleScore = score(q, p.title());
                int keyScore = score(q, p.key());
                int pageScore = Math.max(titleScore, keyScore);
                if (pageScore >= 0) {
                    hits.accept(new Hit(pageScore, p.title(), SymbolKind.File, p.key(), s, p, 0));
                }
                for (Heading h : p.headings()) {
                    if (h.level() == 1 && h.text().equals(p.title())) {
                        continue; // the H1 that gives the page its title is the title's hit
                    }
                    int sc = score(q, h.text());
                    if (sc >= 0) {
                        hits.accept(new Hit(sc, h.text(), SymbolKind.String, p.title(), s, p, h.line()));
                    }
                }
            }
        }
        List<Hit> top = new ArrayList<>(best);
        top.sort(ORDER);
        return top.stream().map(h -> symbol(h.name(), h.kind(), h.container(), h.session(), docs, h.page(), h.line()))
                .toList();
    }

    private static WorkspaceSymbol symbol(String name, SymbolKind kind, String container, KbSession s, OpenDocuments docs,
            WikiPage p, int line) {
        Path file = s.root().resolve(p.relPath());
        String uri = docs.get(file).map(OpenDocuments.Doc::uri).orElseGet(() -> Uris.toUri(file));
        WorkspaceSymbol w = new WorkspaceSymbol(name, kind, org.eclipse.lsp4j.jsonrpc.messages.Either.forLeft(
                new Location(uri, LspMapping.lineStart(line))));
        w.setContainerName(container);
        return w;
    }

    /**
     * How well {@code name} matches the lower-case {@code q}: -1 when the characters of {@code q} are
     * not all found in order; else higher for a prefix match, then for matches at word starts and in runs.
     */
    static int score(String q, String name) {
        if (q.isEmpty()) {
            return 0;
        }
        int n = name.length();
        int qi = 0;
        int score = 0;
        int prev = -2;
        for (int i = 0; i < n && qi < q.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            if (c != q.charAt(qi)) {
                continue;
            }
            boolean wordStart = i == 0 || !Character.isLetterOrDigit(name.charAt(i - 1));
            score += 1 + (wordStart ? 8 : 0) + (prev == i - 1 ? 4 : 0) + (i == 0 ? 16 : 0);
            prev = i;
            qi++;
        }
        return qi == q.length() ? score : -1;
    }
}
