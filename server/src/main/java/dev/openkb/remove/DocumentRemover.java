package dev.openkb.remove;

import dev.openkb.compile.pages.IndexMd;
import dev.openkb.compile.pages.PageWriter;
import dev.openkb.compile.pages.SourceRemoval;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.io.KbPathGuard;
import dev.openkb.kb.KbTransaction;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.OperationLog;
import dev.openkb.kb.Registry;
import dev.openkb.kb.RegistryEntry;
import dev.openkb.lint.LinkFixer;
import dev.openkb.lint.WikiIndex;
import dev.openkb.lock.Lease;
import dev.openkb.pageindex.LongDocIndexer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * {@code openkb remove}: OpenKB's semantics (reference 7.1) — summary, sources and images deleted;
 * the document dropped from concept and entity pages (pages left with no source deleted unless
 * keep-empty); index entries removed; dangling links in the pages it touched repaired (scoped, never
 * the whole wiki); the long-document index entry, the registry entry and the raw file removed; a
 * log line — but as ONE journaled transaction, so a crash leaves the KB as before or as after.
 * {@link #plan} reads only; {@link #execute} runs on the mutation thread inside the transaction.
 */
public final class DocumentRemover {
    private final KbLayout layout;
    private final Clock clock;

    public DocumentRemover(KbLayout layout, Clock clock) {
        this.layout = layout;
        this.clock = clock;
    }

    public RemovePlan plan(String identifier, RemoveOptions opts) throws IOException {
        RegistryEntry e = DocumentResolver.resolve(Registry.load(layout), identifier);
        String doc = e.docName();
        // hashes.json is untrusted KB content: a doc_name of ".." would make the images folder
        // wiki/sources, and a raw_path of "wiki" the whole wiki, both deleted by a committed remove.
        if (!KbPathGuard.isPlainName(doc)) {
            throw new KbException(ErrorCode.CORRUPT_STATE, layout.hashes(), "the entry " + e.hash() + " has an unsafe doc_name '"
                    + doc + "'; refusing to delete files named after it (fix or remove the entry by hand)");
        }
        List<PlannedAction> actions = new ArrayList<>();
        for (Path p : List.of(layout.summary(doc), layout.sourceMd(doc), layout.sourceJson(doc), layout.docImages(doc))) {
            if (Files.exists(p)) {
                actions.add(new PlannedAction(PlannedAction.Kind.DELETE, layout.relative(p)));
            }
        }
        for (Map.Entry<Path, SourceRemoval> m : affectedPages(doc).entrySet()) {
            boolean delete = m.getValue().orphaned() && !opts.keepEmpty();
            actions.add(new PlannedAction(delete ? PlannedAction.Kind.DELETE : PlannedAction.Kind.MODIFY, layout.relative(m.getKey())));
        }
        if (Files.exists(layout.indexMd())) {
            actions.add(new PlannedAction(PlannedAction.Kind.MODIFY, layout.relative(layout.indexMd())));
        }
        actions.add(new PlannedAction(PlannedAction.Kind.REGISTRY, e.hash()));
        if ("long_pdf".equals(e.type()) && e.docId() != null && Files.exists(layout.pageindexDb())) {
            actions.add(new PlannedAction(PlannedAction.Kind.PAGEINDEX, e.docId()));
        }
        if (!opts.keepRaw()) {
            String raw = e.rawPath() != null ? e.rawPath() : "raw/" + e.name();
            Path rawFile = layout.root().resolve(raw).normalize();
            if (!rawFile.startsWith(layout.rawDir()) || rawFile.equals(layout.rawDir())) {
                throw new KbException(ErrorCode.CORRUPT_STATE, layout.hashes(), "the entry " + e.hash() + " has a raw_path '" + raw
                        + "' outside raw/; refusing to delete it (fix the entry, or remove with --keep-raw)");
            }
            actions.add(new PlannedAction(PlannedAction.Kind.DELETE, raw));
        }
        return new RemovePlan(e, actions);
    }

    /** Carries out {@code plan} through {@code tx}; returns how many dangling links the scoped fix repaired. */
    public int execute(RemovePlan plan, RemoveOptions opts, KbTransaction tx) throws IOException {
        String doc = plan.docName();
        List<String> deletedTargets = new ArrayList<>();
        List<Path> modified = new ArrayList<>();
        Map<String, String> rebriefed = new LinkedHashMap<>();
        Map<Path, SourceRemoval> affected = affectedPages(doc);
        for (PlannedAction a : plan.actions()) {
            Path p = layout.root().resolve(a.path());
            switch (a.kind()) {
                case DELETE -> {
                    if (Files.isDirectory(p)) {
                        tx.deleteTree(p);
                    } else {
                        tx.delete(p);
                    }
                    String target = wikiTarget(p);
                    if (target.startsWith("concepts/") || target.startsWith("entities/")) {
                        deletedTargets.add(target);
                    }
                }
                case MODIFY -> {
                    if (!p.equals(layout.indexMd())) {
                        SourceRemoval r = affected.get(p);
                        if (r != null) {
                            tx.writeString(p, r.text());
                            modified.add(p);
                            if (r.newDescription() != null) {
                                rebriefed.put(wikiTarget(p), r.newDescription());
                            }
                        }
                    }
                }
                case PAGEINDEX -> removeFromPageIndex(tx, a.path());
                case REGISTRY -> {
                    Registry r = Registry.load(layout).withoutHash(a.path());
                    tx.write(layout.hashes(), r.toJson().getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        if (Files.exists(layout.indexMd())) {
            String index = Files.readString(layout.indexMd(), StandardCharsets.UTF_8);
            String pruned = IndexMd.removeEntries(IndexMd.removeDocument(index, doc), deletedTargets);
            // An entry's brief is its page's description: one that quoted the document changes with it.
            for (Map.Entry<String, String> b : rebriefed.entrySet()) {
                pruned = IndexMd.rebrief(pruned, b.getKey(), b.getValue());
            }
            if (!pruned.equals(index)) {
                tx.writeString(layout.indexMd(), pruned);
            }
            modified.add(layout.indexMd());
        }
        // Scoped repair (OpenKB #58): only pages this remove touched, against the post-remove wiki.
        var fix = LinkFixer.fix(WikiIndex.build(layout), layout, tx, modified);
        int fixed = fix.linksRewritten() + fix.linksDemoted();
        OperationLog.append(tx, layout, LocalDateTime.now(clock), "remove", plan.entry().name());
        return fixed;
    }

    /** A page's link target: {@code wiki/concepts/x.md} → {@code concepts/x}. */
    private String wikiTarget(Path page) {
        String rel = layout.wikiDir().relativize(page).toString().replace('\\', '/');
        return rel.endsWith(".md") ? rel.substring(0, rel.length() - ".md".length()) : rel;
    }

    /** Concept and entity pages whose {@code sources} list the document, with their text after removal. */
    private Map<Path, SourceRemoval> affectedPages(String doc) throws IOException {
        Map<Path, SourceRemoval> out = new LinkedHashMap<>();
        for (Path dir : List.of(layout.conceptsDir(), layout.entitiesDir())) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            List<Path> pages;
            try (Stream<Path> s = Files.list(dir)) {
                pages = s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
            }
            for (Path p : pages) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                if (!text.contains("summaries/" + doc)) {
                    continue;
                }
                SourceRemoval r = PageWriter.removeSource(text, doc);
                if (r.wasListed()) {
                    out.put(p, r);
                }
            }
        }
        return out;
    }

    private void removeFromPageIndex(KbTransaction tx, String docId) throws IOException {
        Files.createDirectories(layout.stagingDir());
        Path scratch = layout.stagingDir().resolve(String.format("remove-%08x", ThreadLocalRandom.current().nextInt()));
        Files.createDirectory(scratch);
        try (Lease lease = Lease.take(scratch)) {
            new LongDocIndexer().remove(tx, layout, docId, scratch);
        } finally {
            try (Stream<Path> s = Files.walk(scratch)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
