package dev.openkb.lsp;

import dev.openkb.kb.KbLayout;
import dev.openkb.lint.DiskChanges;
import dev.openkb.lint.LintUpdate;
import dev.openkb.lint.Linter;
import dev.openkb.lint.PageScope;
import dev.openkb.lint.WikiIndex;
import dev.openkb.lint.WikiIndexLoader;
import dev.openkb.service.KbService;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.MessageType;

/**
 * The server's view of one KB: the engine service, and the current {@link Snapshot} of its wiki and
 * lint, kept up to date with open buffers, watched-file events and the server's own mutations. A
 * mutation committed by this process's engine (an add's every file, remove, recompile, lint --fix)
 * announces the paths it touched ({@link KbService#onCommit}); the snapshot is updated from just
 * those paths, never by re-reading the KB, and only the files whose findings changed get new
 * diagnostics. A full {@link #reload} is for the first load, recovery and an explicit lint request.
 *
 * <p>Threading: one writer. Every change runs on this KB's single "index" thread, which builds the
 * next snapshot from the current one (incrementally, {@link WikiIndex#withPage} and
 * {@link Linter#update}), publishes it through the volatile {@code snapshot} field and then sends the
 * diagnostics that changed. Readers on any thread take {@link #snapshot()} and never lock. The
 * {@link DiagnosticsPublisher} is confined to the index thread.
 */
final class KbSession implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KbSession.class.getName());

    private final KbService service;
    private final KbLayout layout;
    private final OpenDocuments docs;
    private final Outbox outbox;
    private final DiagnosticsPublisher publisher;
    private final ExecutorService indexThread;
    private final CompletableFuture<Void> loaded = new CompletableFuture<>();
    private final AutoCloseable commits;
    private volatile Snapshot snapshot = Snapshot.empty();

    KbSession(KbService service, OpenDocuments docs, Outbox outbox) {
        this.service = service;
        this.layout = service.layout();
        this.docs = docs;
        this.outbox = outbox;
        this.publisher = new DiagnosticsPublisher(layout, docs, outbox);
        this.indexThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "openkb-index-" + layout.root().getFileName());
            t.setDaemon(true);
            return t;
        });
        this.commits = service.onCommit((operation, touched) -> refreshFromDisk(touched));
    }

    KbService service() {
        return service;
    }

    KbLayout layout() {
        return layout;
    }

    Path root() {
        return layout.root();
    }

    Snapshot snapshot() {
        return snapshot;
    }

    /** Completes once the first full load has been attempted (successfully or not). */
    CompletableFuture<Void> loaded() {
        return loaded;
    }

    /** Reads the whole KB and publishes every file's diagnostics; the first call is the initial load. */
    CompletableFuture<Void> reload() {
        return onIndexThread(() -> {
            try {
                replaceAll();
            } finally {
                loaded.complete(null);
                outbox.refreshCodeLenses();
            }
        });
    }

    /**
     * Brings one page in line with its buffer (when open) or with the disk (when just closed):
     * re-lints incrementally and publishes what changed.
     */
    CompletableFuture<Void> refreshBuffer(Path file) {
        return onIndexThread(() -> {
            String rel = pageRel(file);
            if (rel == null) {
                return;
            }
            Snapshot s = snapshot;
            OpenDocuments.Doc doc = docs.get(file).orElse(null);
            Map<String, String> texts = new HashMap<>();
            Map<String, Integer> versions = new HashMap<>(s.versions());
            if (doc != null) {
                if (Integer.valueOf(doc.version()).equals(s.versions().get(rel))) {
                    return;
                }
                texts.put(rel, doc.text());
                versions.put(rel, doc.version());
            } else if (s.versions().containsKey(rel)) {
                texts.put(rel, WikiIndexLoader.read(file));
                versions.remove(rel);
            } else {
                return;
            }
            apply(DiskChanges.pages(texts), versions);
        });
    }

    /**
     * Re-reads files that changed on disk: pages not open in the editor (a buffer wins over the
     * disk), and raw/, the registry and sources/*.json as one raw-state refresh.
     */
    CompletableFuture<Void> refreshFromDisk(Collection<Path> files) {
        return onIndexThread(() -> {
            DiskChanges changes = DiskChanges.read(layout, files, f -> docs.get(f).isPresent());
            if (!changes.isEmpty()) {
                apply(changes, snapshot.versions());
                outbox.refreshCodeLenses();
            }
        });
    }

    /**
     * Completes once every snapshot update queued before this call (those of the commits made so far
     * included) is applied and its diagnostics sent.
     */
    CompletableFuture<Void> settled() {
        return onIndexThread(() -> {
        });
    }

    /** The KB-relative path of a wiki page of this KB, or null. */
    String pageRel(Path file) {
        if (!layout.contains(file)) {
            return null;
        }
        String rel = layout.relative(file);
        return PageScope.isWikiPage(rel) ? rel : null;
    }

    /** Runs on the index thread: lays {@code changes} over the snapshot, re-lints what they affect, publishes. */
    private void apply(DiskChanges changes, Map<String, Integer> versions) {
        Snapshot s = snapshot;
        WikiIndex after = changes.applyTo(s.index(), layout);
        LintUpdate u = Linter.update(s.lint(), s.index(), after, changes.texts().keySet());
        Snapshot next = new Snapshot(after, u.state(), versions);
        snapshot = next;
        publisher.publish(next, u.changedFiles());
    }

    /** Runs on the index thread: a full rebuild from disk with the open buffers laid over it. */
    private void replaceAll() {
        WikiIndex index = WikiIndex.build(layout);
        Map<String, Integer> versions = new LinkedHashMap<>();
        for (OpenDocuments.Doc d : docs.under(layout.root())) {
            String rel = pageRel(d.path());
            if (rel != null) {
                index = index.withPage(rel, d.text());
                versions.put(rel, d.version());
            }
        }
        Snapshot next = new Snapshot(index, Linter.lint(index), versions);
        Set<String> candidates = new HashSet<>(publisher.publishedFiles());
        candidates.addAll(next.lint().files());
        snapshot = next;
        publisher.publish(next, candidates);
    }

    private CompletableFuture<Void> onIndexThread(Runnable work) {
        return CompletableFuture.runAsync(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "index update failed for " + layout.root(), e);
                outbox.log(MessageType.Error, "OpenKB: cannot update the index of " + layout.root() + ": "
                        + e.getMessage());
                throw e;
            }
        }, indexThread);
    }

    @Override
    public void close() {
        try {
            commits.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "commit listener removal", e);
        }
        indexThread.shutdown();
    }
}
