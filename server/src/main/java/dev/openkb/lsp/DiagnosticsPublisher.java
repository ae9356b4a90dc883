package dev.openkb.lsp;

import dev.openkb.kb.KbLayout;
import dev.openkb.lint.LintFinding;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Sends one KB's diagnostics, remembering what the client was last sent per file so that only files
 * whose findings changed are published (a file that became clean gets an empty list once). An open
 * file is published only when the snapshot was linted from its current buffer version; otherwise it
 * is deferred to the next round (the pending edit will bring a newer snapshot), so the client never
 * sees diagnostics of text it no longer has. A file gets at most {@link #MAX_PER_DOCUMENT}
 * diagnostics plus one that says how many were left out: a 20 MB page of broken links would
 * otherwise send a quarter of a million, which no editor can show and some cannot survive.
 *
 * <p>Threading: confined to the KB's index thread.
 */
final class DiagnosticsPublisher {
    static final int MAX_PER_DOCUMENT = 1_000;

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
            PublishDiagnosticsParams params = new PublishDiagnosticsParams(uri, capped(findings));
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

    /** The first {@link #MAX_PER_DOCUMENT} findings as diagnostics, then one counting the rest. */
    static List<Diagnostic> capped(List<LintFinding> findings) {
        if (findings.size() <= MAX_PER_DOCUMENT) {
            return LspMapping.diagnostics(findings);
        }
        List<Diagnostic> out = new ArrayList<>(LspMapping.diagnostics(findings.subList(0, MAX_PER_DOCUMENT)));
        int omitted = findings.size() - MAX_PER_DOCUMENT;
        Diagnostic more = new Diagnostic(LspMapping.lineStart(0), String.format(Locale.ROOT,
                "%,d more finding(s) in this file are not shown (at most %,d per file); run `openkb lint` for all of them",
                omitted, MAX_PER_DOCUMENT), DiagnosticSeverity.Information, LspMapping.SOURCE);
        more.setCode(Either.forLeft("too-many-findings"));
        JsonObject data = new JsonObject();
        data.addProperty("omitted", Integer.toString(omitted));
        data.addProperty("shown", Integer.toString(MAX_PER_DOCUMENT));
        more.setData(data);
        out.add(more);
        return out;
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
