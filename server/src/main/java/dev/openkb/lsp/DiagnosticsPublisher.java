package dev.openkb.lsp;

import dev.openkb.kb.KbLayout;
import dev.openkb.lint.LintFinding;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.lsp4j.PublishDiagnosticsParams;

/**
 * Sends one KB's diagnostics, remembering what the client was last sent per file so that only files
 * whose findings changed are published (a file that became clean gets an empty list once). An open
 * file is published only when the snapshot was linted from its current buffer version; otherwise it
 * is deferred to the next round (the pending edit will bring a newer snapshot), so the client never
 * sees diagnostics of text it no longer has.
 *
 * <p>Threading: confined to the KB's index thread.
 */
final class DiagnosticsPublisher {
    private final KbLayout layout;
    private final OpenDocuments docs;
    private final Outbox outbox;
    private final Map<String, List<LintFinding>> published = new HashMap<>();
    private final Set<String> deferred = new HashSet<>();

    DiagnosticsPublisher(KbLayout layout, OpenDocuments docs, Outbox outbox) {
        this.layout = layout;
        this.docs = docs;
        this.outbox = outbox;
    }

    /** Publishes those of {@code candidates} (KB-relative paths), and of earlier deferred files, that changed. */
    void publish(Snapshot s, Collection<String> candidates) {
        Set<String> paths = new HashSet<>(candidates);
        paths.addAll(deferred);
        deferred.clear();
        for (String rel : paths) {
            List<LintFinding> findings = s.lint().findings(rel);
            if (findings.equals(published.getOrDefault(rel, List.of()))) {
                continue;
            }
            Path file = layout.root().resolve(rel);
            OpenDocuments.Doc doc = docs.get(file).orElse(null);
            if (doc != null && !Objects.equals(s.versions().get(rel), doc.version())) {
                deferred.add(rel);
                continue;
            }
            String uri = doc != null ? doc.uri() : Uris.toUri(file);
            PublishDiagnosticsParams params = new PublishDiagnosticsParams(uri, LspMapping.diagnostics(findings));
            if (doc != null) {
                params.setVersion(doc.version());
            }
            outbox.send(c -> c.publishDiagnostics(params));
            if (findings.isEmpty()) {
                published.remove(rel);
            } else {
                published.put(rel, findings);
            }
        }
    }

    /** Every file the client currently has diagnostics for (to clear or re-check after a reload). */
    Set<String> publishedFiles() {
        return Set.copyOf(published.keySet());
    }

    /** Files whose publication waits for a newer buffer version. */
    Set<String> deferredFiles() {
        return Set.copyOf(deferred);
    }
}
