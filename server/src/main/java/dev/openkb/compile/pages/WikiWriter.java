package dev.openkb.compile.pages;

import dev.openkb.compile.CompileRequest;
import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The write phase both compilers share, in OpenKB's order: entity pages, the summary, concept pages,
 * cross-links to related pages, backlinks both ways, then {@code index.md}. Nothing here calls a model
 * or decides content; it only writes what a {@link DocDraft} says, in OpenKB's formats. Runs on the
 * mutation thread (it writes through the transaction).
 */
public final class WikiWriter {
    private final PageStore store;
    private final KbLayout layout;
    private final Consumer<String> warnings;

    public WikiWriter(PageStore store, Consumer<String> warnings) {
        this.store = store;
        this.layout = store.layout();
        this.warnings = warnings;
    }

    public void write(CompileRequest req, DocDraft draft) throws IOException {
        String doc = req.docName();
        for (PageDraft p : draft.pages()) {
            if (p.kind() == PageKind.ENTITY) {
                writePage(p);
            }
        }
        writeSummary(req, draft);
        for (PageDraft p : draft.pages()) {
            if (p.kind() == PageKind.CONCEPT) {
                writePage(p);
            }
        }
        List<String> conceptSlugs = slugs(draft, PageKind.CONCEPT, draft.relatedConcepts());
        List<String> entitySlugs = slugs(draft, PageKind.ENTITY, draft.relatedEntities());
        for (String slug : draft.relatedConcepts()) {
            relate(PageKind.CONCEPT, slug, doc);
        }
        for (String slug : draft.relatedEntities()) {
            relate(PageKind.ENTITY, slug, doc);
        }
        backlinkSummary(doc, PageKind.CONCEPT, conceptSlugs);
        backlinkSummary(doc, PageKind.ENTITY, entitySlugs);
        for (PageDraft p : draft.pages()) {
            backlinkPage(p);
        }
        updateIndex(req, draft, conceptSlugs, entitySlugs);
        store.flush();
    }

    private void writePage(PageDraft p) throws IOException {
        Path path = path(p.kind(), p.slug());
        String existing = store.read(path);
        String current = p.sources().get(0);
        String text = p.kind() == PageKind.CONCEPT
                ? PageWriter.conceptPage(existing, current, p.description(), p.body())
                : PageWriter.entityPage(existing, current, p.entityType(), p.description(), p.body());
        store.write(path, PageWriter.mergeSources(text, p.sources()));
    }

    private void writeSummary(CompileRequest req, DocDraft draft) throws IOException {
        Path path = layout.summary(req.docName());
        String existing = store.read(path);
        Map<String, Object> extra = draft.summaryExtra() == null ? new LinkedHashMap<>() : draft.summaryExtra();
        String text;
        if (draft.summaryBody() != null || existing == null) {
            String body = draft.summaryBody() != null ? draft.summaryBody() : "# " + req.displayTitle() + "\n";
            text = PageWriter.summaryPage(req.docName(), req.kind(), draft.description(), extra, body);
            if (existing != null) {
                text = keepLinks(existing, text, req.docName(), draft.mayList());
            }
        } else {
            text = PageWriter.backfillSummary(existing, req.docName(), req.kind(), draft.description(), extra);
        }
        store.write(path, text);
    }

    /**
     * A rewritten summary keeps the links other documents' compiles gave it: a page created by a later
     * document lists this one among its sources and linked this summary back. Dropping those links
     * made a recompile of an unchanged document rewrite its summary and lose real links. The candidates
     * are the links the page had and the draft's {@link DocDraft#mayList} (so a summary edited by hand
     * gets them back); a link is kept when its page exists and lists this document.
     */
    private String keepLinks(String existing, String fresh, String doc, List<String> mayList) throws IOException {
        List<String> old = Sections.lines(PageWriter.body(existing));
        String text = fresh;
        for (PageKind kind : PageKind.values()) {
            List<String> candidates = new ArrayList<>();
            int[] b = Sections.bounds(old, kind.summarySection());
            if (b != null) {
                old.subList(b[0], b[1]).forEach(candidates::add);
            }
            mayList.forEach(t -> candidates.add("- [[" + t + "]]"));
            List<String> kept = new ArrayList<>();
            for (String line : candidates) {
                String slug = linkedSlug(line, kind);
                if (slug != null && !kept.contains(kind.target(slug)) && listsDocument(kind, slug, doc)) {
                    kept.add(kind.target(slug));
                }
            }
            if (!kept.isEmpty()) {
                text = PageWriter.addSummaryLinks(text, kind.summarySection(), kept);
            }
        }
        return text;
    }

    /** The slug of a {@code - [[concepts/slug]]} entry of the kind, or null. */
    private static String linkedSlug(String line, PageKind kind) {
        String prefix = "- [[" + kind.dir() + "/";
        int end = line.indexOf("]]");
        if (!line.startsWith(prefix) || end < prefix.length()) {
            return null;
        }
        String slug = line.substring(prefix.length(), end);
        // Untrusted text: one plain file name inside the kind's folder, nothing that could leave it.
        return slug.isEmpty() || slug.startsWith(".") || slug.matches(".*[/\\\\|#\\p{Cntrl}].*") ? null : slug;
    }

    private boolean listsDocument(PageKind kind, String slug, String doc) throws IOException {
        String page = store.read(path(kind, slug));
        return page != null && PageWriter.sources(page).contains(PageWriter.sourceFile(doc));
    }

    /** OpenKB's "related": link an existing page to this document without rewriting it. */
    private void relate(PageKind kind, String slug, String doc) throws IOException {
        Path path = path(kind, slug);
        String text = store.read(path);
        if (text != null) {
            store.write(path, PageWriter.addRelatedLink(text, doc));
        }
    }

    private void backlinkSummary(String doc, PageKind kind, List<String> slugs) throws IOException {
        if (slugs.isEmpty()) {
            return;
        }
        Path path = layout.summary(doc);
        String text = store.read(path);
        if (text != null) {
            store.write(path, PageWriter.addSummaryLinks(text, kind.summarySection(),
                    slugs.stream().map(kind::target).toList()));
        }
    }

    /** The page links every summary it lists; every other listed summary links the page back. */
    private void backlinkPage(PageDraft p) throws IOException {
        Path path = path(p.kind(), p.slug());
        String text = store.read(path);
        if (text == null) {
            return;
        }
        List<String> docs = p.sources().stream().map(WikiWriter::docOf).toList();
        store.write(path, PageWriter.addBacklinks(text, PageWriter.RELATED_DOCUMENTS,
                docs.stream().map(d -> "summaries/" + d).toList()));
        for (String other : docs.subList(1, docs.size())) {
            backlinkSummary(other, p.kind(), List.of(p.slug()));
        }
    }

    private void updateIndex(CompileRequest req, DocDraft draft, List<String> conceptSlugs, List<String> entitySlugs)
            throws IOException {
        String text = IndexMd.orSeed(store.read(layout.indexMd()));
        text = IndexMd.addDocument(text, req.docName(), PageWriter.docType(req.kind()), draft.description(), warnings);
        for (String slug : conceptSlugs) {
            text = IndexMd.putConcept(text, slug, pageDescription(PageKind.CONCEPT, slug), warnings);
        }
        for (String slug : entitySlugs) {
            String page = store.read(path(PageKind.ENTITY, slug));
            String type = page == null ? "other" : entityType(page);
            text = IndexMd.putEntity(text, slug, type, page == null ? "" : PageWriter.description(page), warnings);
        }
        store.write(layout.indexMd(), text);
    }

    private String pageDescription(PageKind kind, String slug) throws IOException {
        String page = store.read(path(kind, slug));
        return page == null ? "" : PageWriter.description(page);
    }

    private static String entityType(String page) {
        Object t = FrontmatterLines.of(page).map(f -> f.value("type")).orElse(null);
        return t instanceof String s && !s.isBlank() ? s.strip().toLowerCase(java.util.Locale.ROOT) : "other";
    }

    private static List<String> slugs(DocDraft draft, PageKind kind, List<String> related) {
        List<String> out = new ArrayList<>();
        for (PageDraft p : draft.pages()) {
            if (p.kind() == kind && !out.contains(p.slug())) {
                out.add(p.slug());
            }
        }
        related.stream().filter(s -> !out.contains(s)).forEach(out::add);
        return out;
    }

    private Path path(PageKind kind, String slug) {
        return WikiState.path(layout, kind, slug);
    }

    /** "summaries/x.md" → "x". */
    public static String docOf(String sourceFile) {
        String s = sourceFile.startsWith("summaries/") ? sourceFile.substring("summaries/".length()) : sourceFile;
        return s.endsWith(".md") ? s.substring(0, s.length() - 3) : s;
    }
}
