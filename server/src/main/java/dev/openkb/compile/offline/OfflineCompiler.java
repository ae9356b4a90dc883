package dev.openkb.compile.offline;

import dev.openkb.compile.CompileRequest;
import dev.openkb.compile.CompileResult;
import dev.openkb.compile.DocAnalysis;
import dev.openkb.compile.WikiCompiler;
import dev.openkb.compile.pages.DocDraft;
import dev.openkb.compile.pages.FrontmatterLines;
import dev.openkb.compile.pages.PageDraft;
import dev.openkb.compile.pages.PageKind;
import dev.openkb.compile.pages.PageStore;
import dev.openkb.compile.pages.PageWriter;
import dev.openkb.compile.pages.WikiState;
import dev.openkb.compile.pages.WikiWriter;
import dev.openkb.compile.text.DocText;
import dev.openkb.compile.text.Extracts;
import dev.openkb.compile.text.Heading;
import dev.openkb.compile.text.Sentence;
import dev.openkb.compile.text.SourceText;
import dev.openkb.compile.offline.OfflinePages.DocQuotes;
import dev.openkb.convert.DocKind;
import dev.openkb.kb.KbTransaction;
import dev.openkb.kb.KbLayout;
import dev.openkb.wiki.Slugs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The embedded compiler: no network, deterministic (the same KB and input give the same bytes).
 * It writes an extractive summary (lead sentences, headings outline, key passages), makes a concept
 * page for each strong key phrase of the document that another document shares (or that already has
 * a page), an entity page for each recurring proper name, and links everything both ways and in
 * {@code index.md}. Each summary keeps the document's top key phrases and names in its frontmatter
 * ({@code keyphrases}, {@code names}), so an add reads this document, the pages it touches and the
 * other summaries' frontmatter, never every source.
 *
 * <p>Thread-safety: holds only immutable word lists; each compile runs on the calling (mutation) thread.
 */
public final class OfflineCompiler implements WikiCompiler {
    static final int RECORD_SIZE = 30;
    static final int MAX_CONCEPTS = 8;
    static final int MAX_ENTITIES = 10;
    static final int ORPHAN_ENTITIES = 3;
    static final int ORPHAN_CONCEPTS = 2;
    public static final int PASSAGES = 5;
    static final int QUOTES = 2;
    private static final String DISCUSSED_IN = ", discussed in ";

    private final KeyPhrases keyPhrases;
    private final ProperNames properNames;
    private final EntityTyper typer;

    private final Lexicon lexicon;

    public OfflineCompiler() {
        this.lexicon = Lexicon.english();
        NlpModels models = NlpModels.get();
        this.keyPhrases = new KeyPhrases(lexicon, models);
        this.properNames = new ProperNames(lexicon, models);
        this.typer = new EntityTyper(lexicon);
    }

    @Override
    public CompileResult compile(CompileRequest req, KbTransaction tx) throws IOException {
        List<String> warnings = new ArrayList<>();
        KbLayout layout = req.layout();
        boolean longDoc = req.kind() == DocKind.LONG_PDF;
        DocAnalysis analysis = req.analysis() != null ? req.analysis()
                : analyze(SourceText.requireSample(layout, req.docName(), longDoc));
        DocText doc = analysis.doc();
        List<KeyPhrase> phrases = analysis.phrases();
        List<ProperName> names = analysis.names();
        Run run = new Run(req, analysis, DocRecords.load(layout, req.docName(), warnings::add), new PageStore(layout, tx));

        List<PageDraft> pages = new ArrayList<>();
        // A name this document records (its first RECORD_SIZE, what the others can see of it) that
        // another document records too, or that has a page, always gets (or joins) its page; the cap
        // only limits names this document repeats on its own. Capping shared names too made the page
        // depend on which of the documents came last: the later one, over its cap, skipped the name
        // its predecessor would have taken, so a recompile of the predecessor created it.
        for (int i = 0; i < names.size(); i++) {
            ProperName n = names.get(i);
            boolean shared = i < RECORD_SIZE && (run.sharedName(n.key()) || run.exists(PageKind.ENTITY, n.surface()));
            if (shared || pages.size() < MAX_ENTITIES && n.count() >= 2) {
                pages.add(run.entity(n));
            }
        }
        for (KeyPhrase p : concepts(phrases, names, run)) {
            pages.add(run.concept(p));
        }
        if (pages.isEmpty() && !run.others.isEmpty()) {
            // Shares nothing with the documents already here: its own names still link it into the wiki.
            // (A first document is linked later, by whatever the next ones share with it.)
            for (ProperName n : names.subList(0, Math.min(ORPHAN_ENTITIES, names.size()))) {
                pages.add(run.entity(n));
            }
            // No name either (a table, a short how-to): the noun phrases it repeats, so its summary is
            // not linked from the index alone (the structural lint counts that as an orphan).
            for (KeyPhrase p : phrases) {
                if (pages.size() >= ORPHAN_CONCEPTS) {
                    break;
                }
                if (p.key().indexOf(' ') > 0 && p.count() >= 2) {
                    pages.add(run.concept(p));
                }
            }
        }
        String description = run.description();
        // Every summary links its full text: a summary that links to no page is an orphan to OpenKB's
        // lint, which does not count the index's links. Always, not only when the document has no
        // concept or entity yet: whether it has one depends on which documents came before, so a
        // conditional link made recompile rewrite summaries that add had written.
        String body = longDoc ? null
                : OfflinePages.summaryBody(title(req, doc), description, doc.headings(), analysis.passages(description),
                        req.docName());
        LinkedHashMap<String, Object> record = new LinkedHashMap<>();
        record.put(DocRecord.KEYPHRASES, phrases.stream().filter(p -> p.count() >= 2).map(KeyPhrase::key).toList());
        record.put(DocRecord.PHRASES_ONCE, phrases.stream().filter(p -> p.count() < 2).map(KeyPhrase::key).toList());
        record.put(DocRecord.NAMES, names.stream().limit(RECORD_SIZE).map(ProperName::key).toList());
        // Another document's compile quotes this one on the pages of the phrases and names it records.
        List<String> mayList = new ArrayList<>();
        phrases.forEach(p -> mayList.add(PageKind.CONCEPT.target(run.slug(PageKind.CONCEPT, p.key()))));
        names.stream().limit(RECORD_SIZE).forEach(n -> mayList.add(PageKind.ENTITY.target(run.slug(PageKind.ENTITY, n.surface()))));
        new WikiWriter(run.store, warnings::add).write(req,
                new DocDraft(description, body, record, pages, List.of(), List.of(), mayList));
        return new CompileResult(description, run.store.written(), warnings);
    }

    @Override
    public DocAnalysis analyze(Path stagedSource, DocKind kind) throws IOException {
        return analyze(SourceText.sample(stagedSource, kind == DocKind.LONG_PDF));
    }

    /**
     * Everything that depends on the document's text alone, read with the language models on the
     * calling thread (a tagger of its own); linear in the (bounded) sample apart from the key-passage
     * graph, which is capped.
     */
    DocAnalysis analyze(String sample) {
        return new DocAnalyzer(NlpModels.get().tagger(), lexicon, keyPhrases, properNames).analyze(sample, RECORD_SIZE);
    }

    /**
     * The concepts of this document: among its recorded key phrases, the ones with evidence that they
     * are a subject of the KB, most widely shared first. Evidence is a page that already exists, or
     * documents (this one included) recording the phrase: two that repeat it, or three that name it at
     * all; three for any single word (one word must recur widely to be a subject). The rule reads the
     * same from every document that has the phrase, so the order documents arrive in does not decide
     * whether a concept exists. Never a proper name of the document, and never a phrase that this
     * document mostly uses inside a longer chosen one ("crash" when "crash recovery" is chosen;
     * "fsync" stays next to "directory fsync" when it mostly stands alone).
     */
    private static List<KeyPhrase> concepts(List<KeyPhrase> phrases, List<ProperName> names, Run run) {
        List<String> nameKeys = names.stream().map(n -> KeyPhrases.keyOf(List.of(n.key().split(" ")))).toList();
        List<KeyPhrase> eligible = new ArrayList<>();
        Map<String, Long> sharing = new HashMap<>();
        for (KeyPhrase p : phrases) {
            long mentioning = 1 + run.others.stream().filter(r -> r.mentions(p.key())).count();
            long repeating = (p.count() >= 2 ? 1 : 0) + run.others.stream().filter(r -> r.repeats(p.key())).count();
            boolean single = p.key().indexOf(' ') < 0;
            boolean evidence = mentioning >= 3 || !single && repeating >= 2 && mentioning >= 2;
            if (nameKeys.stream().noneMatch(k -> containsWords(k, p.key()))
                    && (evidence || run.exists(PageKind.CONCEPT, p.key()))) {
                eligible.add(p);
                sharing.put(p.key(), mentioning);
            }
        }
        return eligible.stream()
                .filter(p -> eligible.stream().noneMatch(q -> !q.key().equals(p.key()) && containsWords(q.key(), p.key())
                        && p.count() < 2 * q.count()))
                .sorted(Comparator.comparingLong((KeyPhrase p) -> -sharing.get(p.key())))
                .limit(MAX_CONCEPTS)
                // Listed by name, not by how widely shared: sharing grows as documents arrive, and the
                // summary's links must not move when the document is recompiled later.
                .sorted(Comparator.comparing(KeyPhrase::key))
                .toList();
    }

    /** True when {@code inner}'s words occur in order, whole, inside {@code outer}. */
    static boolean containsWords(String outer, String inner) {
        return (" " + outer + " ").contains(" " + inner + " ");
    }

    /** One compile's context: the document, the other documents' records and the page store. */
    private final class Run {
        final CompileRequest req;
        final DocAnalysis analysis;
        final DocText doc;
        final List<DocRecord> others;
        final PageStore store;
        final Map<String, DocText> otherTexts = new HashMap<>();

        Run(CompileRequest req, DocAnalysis analysis, List<DocRecord> others, PageStore store) {
            this.req = req;
            this.analysis = analysis;
            this.doc = analysis.doc();
            this.others = others;
            this.store = store;
        }

        boolean sharedName(String key) {
            return others.stream().anyMatch(r -> r.names().contains(key));
        }

        boolean exists(PageKind kind, String name) {
            return Files.isRegularFile(path(kind, slug(kind, name)));
        }

        PageDraft concept(KeyPhrase p) throws IOException {
            String slug = slug(PageKind.CONCEPT, p.key());
            List<Sentence> mentions = Extracts.mentioning(doc, Extracts.containsPhrase(p.key()));
            String title = conceptTitle(mentions, p);
            List<DocRecord> sharing = others.stream().filter(r -> r.mentions(p.key())).toList();
            return draft(PageKind.CONCEPT, slug, title, ms -> Extracts.mostWritten(ms, p.key()), mentions, sharing,
                    Extracts.containsPhrase(p.key()), null);
        }

        PageDraft entity(ProperName n) throws IOException {
            String slug = slug(PageKind.ENTITY, n.surface());
            // The same test for this document as for the others it shares the name with (they know only
            // the key): a document's section must not depend on which document made the page.
            Predicate<Sentence> mentionTest = s -> s.text().toLowerCase(Locale.ROOT).contains(n.key());
            List<Sentence> mentions = Extracts.mentioning(doc, mentionTest);
            List<DocRecord> sharing = others.stream().filter(r -> r.names().contains(n.key())).toList();
            String existing = store.read(path(PageKind.ENTITY, slug));
            String type = existing != null ? existingType(existing)
                    : typer.guess(n, mentions, req.config().entityTypes());
            return draft(PageKind.ENTITY, slug, n.surface(), ms -> n.key(), mentions, sharing,
                    mentionTest, type == null ? "other" : type);
        }

        /**
         * @param surfaceIn how a document's mentions write the subject (lower case), for picking its
         *                  definition-like sentence: worked out from each document's own mentions, so
         *                  its quotes are the same whether it or another document made the page
         */
        private PageDraft draft(PageKind kind, String slug, String title, java.util.function.Function<List<Sentence>, String> surfaceIn,
                                List<Sentence> mentions,
                                List<DocRecord> sharing, Predicate<Sentence> mentionTest, String entityType)
                throws IOException {
            String cur = req.docName();
            String existing = store.read(path(kind, slug));
            Sentence lead = Extracts.definition(mentions, surfaceIn.apply(mentions));
            DocQuotes own = new DocQuotes(cur, quotes(mentions, lead));
            if (existing != null) {
                String body = OfflinePages.withSection(PageWriter.body(existing).replaceFirst("^\n+", ""), own);
                // A page made by documents that only named the subject says "X, discussed in …"; the
                // first document with a statement about it gives the page its description.
                String had = PageWriter.description(existing);
                boolean placeholder = had.isEmpty() || had.startsWith(title + DISCUSSED_IN);
                String description = placeholder && lead != null
                        ? Extracts.clip(lead.text(), Extracts.DESCRIPTION_MAX) : "";
                return new PageDraft(kind, slug, description, body, entityType, List.of(PageWriter.sourceFile(cur)));
            }
            List<DocQuotes> quotes = new ArrayList<>(List.of(own));
            List<String> sources = new ArrayList<>(List.of(PageWriter.sourceFile(cur)));
            for (DocRecord other : sharing) {
                List<Sentence> theirs = Extracts.mentioning(otherText(other.docName()), mentionTest);
                Sentence theirLead = Extracts.definition(theirs, surfaceIn.apply(theirs));
                lead = lead == null ? theirLead : lead;
                quotes.add(new DocQuotes(other.docName(), quotes(theirs, theirLead)));
                sources.add(PageWriter.sourceFile(other.docName()));
            }
            String description = lead != null ? Extracts.clip(lead.text(), Extracts.DESCRIPTION_MAX)
                    : title + DISCUSSED_IN + String.join(", ", sources.stream().map(WikiWriter::docOf).toList()) + ".";
            return new PageDraft(kind, slug, description, OfflinePages.newPage(title, quotes), entityType, sources);
        }

        /** Up to {@link #QUOTES} mentions: the definition-like one first, then the others in document order. */
        private List<String> quotes(List<Sentence> mentions, Sentence first) {
            List<String> out = new ArrayList<>();
            if (first != null) {
                out.add(first.text());
            }
            for (Sentence s : mentions) {
                if (out.size() >= QUOTES) {
                    break;
                }
                if (!out.contains(s.text())) {
                    out.add(s.text());
                }
            }
            return out;
        }

        String description() throws IOException {
            String lead = analysis.lead();
            if (req.kind() == DocKind.LONG_PDF && lead.isEmpty()) {
                String page = store.read(req.layout().summary(req.docName()));
                String own = page == null ? "" : PageWriter.description(page);
                if (!own.isEmpty()) {
                    return own;
                }
                if (!PageWriter.isBlank(req.docDescription())) {
                    return Extracts.clip(req.docDescription(), Extracts.DESCRIPTION_MAX);
                }
            }
            if (!lead.isEmpty()) {
                return lead;
            }
            return Extracts.clip(doc.headings().isEmpty() ? req.displayTitle() : doc.headings().get(0).text(),
                    Extracts.DESCRIPTION_MAX);
        }

        private DocText otherText(String docName) throws IOException {
            DocText t = otherTexts.get(docName);
            if (t == null) {
                String text = SourceText.readSample(req.layout(), docName);
                t = DocText.parse(text == null ? "" : text);
                otherTexts.put(docName, t);
            }
            return t;
        }

        String slug(PageKind kind, String name) {
            return WikiState.slug(req.layout(), kind, name);
        }

        Path path(PageKind kind, String slug) {
            return WikiState.path(req.layout(), kind, slug);
        }
    }

    /** The request's title, else the document's first top-level heading, else its name. */
    static String title(CompileRequest req, DocText doc) {
        if (!PageWriter.isBlank(req.title()) || doc.headings().isEmpty()) {
            return req.displayTitle();
        }
        int top = doc.headings().stream().mapToInt(Heading::level).min().orElse(1);
        return doc.headings().stream().filter(h -> h.level() == top).findFirst().orElseThrow().text();
    }

    private static String conceptTitle(List<Sentence> mentions, KeyPhrase p) {
        String written = mentions.isEmpty() ? null : Extracts.phraseAsWritten(mentions.get(0), p.key());
        String t = written == null ? p.surface() : written;
        if (List.of(t.toLowerCase(Locale.ROOT).split(" ")).stream().map(KeyPhrases::singular).anyMatch(Abbreviations::isShortForm)) {
            t = p.key(); // "Struct type" is filed under its full words: the page is "Structure type"
        }
        return t.equals(t.toLowerCase(Locale.ROOT)) ? Character.toUpperCase(t.charAt(0)) + t.substring(1) : t;
    }

    private static String existingType(String page) {
        Object t = FrontmatterLines.of(page).map(f -> f.value("type")).orElse(null);
        return t instanceof String s && !s.isBlank() ? s.strip().toLowerCase(Locale.ROOT) : null;
    }
}
