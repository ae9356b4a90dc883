package dev.openkb.compile.llm;

import dev.openkb.compile.CompileRequest;
import dev.openkb.compile.CompileResult;
import dev.openkb.compile.WikiCompiler;
import dev.openkb.compile.pages.DocDraft;
import dev.openkb.compile.pages.PageDraft;
import dev.openkb.compile.pages.PageKind;
import dev.openkb.compile.pages.PageStore;
import dev.openkb.compile.pages.PageWriter;
import dev.openkb.compile.pages.WikiState;
import dev.openkb.compile.pages.WikiWriter;
import dev.openkb.compile.text.DocText;
import dev.openkb.compile.text.Extracts;
import dev.openkb.compile.text.SourceText;
import com.fasterxml.jackson.databind.JsonNode;
import dev.openkb.convert.DocKind;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.kb.KbTransaction;
import dev.openkb.kb.KbInit;
import dev.openkb.kb.KbLayout;
import dev.openkb.wiki.GhostLinks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * OpenKB's LLM compile flow: summary (JSON {@code description, content}; long docs: an overview of the
 * tree summary) → plan of concept/entity pages → the pages, at most {@value #CONCURRENCY} calls at a
 * time → summary rewrite against the pages that now exist → backlinks and {@code index.md}
 * ({@link WikiWriter}). Every model call happens before the first write.
 *
 * <p>Fixed OpenKB bugs: a page answer that is a one-element JSON list is unwrapped and other shapes
 * are skipped (#158); an answer cut off at the token limit never replaces a page (#148); "create" for
 * an existing page is an update that keeps its sources (defect 6); links are checked against the pages
 * that really got written, not the ones merely planned. A failed page is a warning; a failed summary
 * or plan call fails the compile, so the add rolls back.
 *
 * <p>Threading: {@link #compile} runs on the mutation thread, which alone reads and writes the KB;
 * page calls run on a pool created per compile and shut down before it returns.
 */
public final class LlmCompiler implements WikiCompiler {
    static final int CONCURRENCY = 5;
    private final LlmClient client;

    public LlmCompiler(LlmClient client) {
        this.client = client;
    }

    @Override
    public CompileResult compile(CompileRequest req, KbTransaction tx) throws IOException {
        List<String> warnings = new ArrayList<>();
        KbLayout layout = req.layout();
        String doc = req.docName();
        PageStore store = new PageStore(layout, tx);
        ChatMessage system = ChatMessage.system(Prompts.system(schema(layout), req.config().language()));
        boolean longDoc = req.kind() == DocKind.LONG_PDF;
        Summary summary = longDoc ? overview(req, store, system, warnings) : summary(req, system);
        ChatMessage summaryMsg = ChatMessage.cachedAssistant(summary.content());

        LlmReply planReply = call("planning pages", doc, List.of(system, summary.docMsg(), summaryMsg,
                ChatMessage.user(Prompts.plan(WikiState.conceptBriefs(layout), WikiState.entityBriefs(layout),
                        req.config().entityTypes()))), true);
        Optional<CompilePlan> plan = planReply.truncated() ? Optional.empty()
                : CompilePlan.parse(planReply.text(), req.config().entityTypes(), warnings::add);
        Set<String> existing = WikiState.existingTargets(layout);
        existing.add("summaries/" + doc);
        if (plan.isEmpty() || plan.get().isEmpty()) {
            warnings.add("the page plan for " + doc + " was " + (planReply.truncated() ? "cut off" : plan.isEmpty()
                    ? "not usable JSON" : "empty") + "; no concept or entity pages were written");
            String body = longDoc ? null : GhostLinks.strip(summary.content(), existing).text();
            new WikiWriter(store, warnings::add).write(req, new DocDraft(summary.description(), body, Map.of(),
                    List.of(), List.of(), List.of()));
            return new CompileResult(summary.description(), store.written(), warnings);
        }

        List<PageJob> jobs = jobs(layout, plan.get());
        List<String> relatedConcepts = related(layout, PageKind.CONCEPT, plan.get().concepts().related());
        List<String> relatedEntities = related(layout, PageKind.ENTITY, plan.get().entities().related());
        Set<String> planned = new TreeSet<>(existing);
        jobs.forEach(j -> planned.add(j.kind().target(j.slug())));
        ChatMessage known = ChatMessage.cachedUser(Prompts.knownTargets(planned));
        List<ChatMessage> prefix = List.of(system, summary.docMsg(), summaryMsg, known);
        Map<PageJob, AnswerJson.Page> answers = generate(req, prefix, jobs, warnings);
        if (answers.size() < jobs.size()) {
            warnings.add((jobs.size() - answers.size()) + " of " + jobs.size() + " planned page(s) for " + doc
                    + " were not written");
        }

        Set<String> linkable = new TreeSet<>(existing);
        answers.keySet().forEach(j -> linkable.add(j.kind().target(j.slug())));
        String body = longDoc ? null : GhostLinks.strip(rewrite(prefix, summary.content(), warnings), linkable).text();
        List<PageDraft> drafts = new ArrayList<>();
        answers.forEach((job, page) -> drafts.add(draft(req, job, page, linkable)));
        new WikiWriter(store, warnings::add).write(req, new DocDraft(summary.description(), body, Map.of(), drafts,
                relatedConcepts, relatedEntities));
        return new CompileResult(summary.description(), store.written(), warnings);
    }

    /** The first step's result: the document message every later call repeats, and the summary. */
    private record Summary(ChatMessage docMsg, String content, String description) {
    }

    private Summary summary(CompileRequest req, ChatMessage system) throws IOException {
        String text = SourceText.require(req.layout(), req.docName(), false);
        ChatMessage docMsg = ChatMessage.cachedUser(Prompts.summary(req.docName(), req.displayTitle(), text));
        LlmReply r = call("summarising", req.docName(), List.of(system, docMsg), true);
        if (r.truncated()) {
            throw new KbException(ErrorCode.COMPILE_FAILED, req.layout().summary(req.docName()),
                    "the model's summary was cut off at its token limit; raise max_tokens or use a model with longer answers");
        }
        Optional<JsonNode> json = AnswerJson.parse(r.text());
        String content = json.map(n -> AnswerJson.text(n, "content")).orElse("");
        String description = json.map(n -> AnswerJson.text(n, "description")).orElse("");
        if (content.isBlank()) {
            content = json.isPresent() ? "" : PageWriter.stripFrontmatter(r.text().strip());
            description = "";
        }
        if (content.isBlank()) {
            throw new KbException(ErrorCode.COMPILE_FAILED, req.layout().summary(req.docName()), "the model returned an empty summary");
        }
        return new Summary(docMsg, content, describe(description, content, req));
    }

    private Summary overview(CompileRequest req, PageStore store, ChatMessage system, List<String> warnings) throws IOException {
        String page = store.read(req.layout().summary(req.docName()));
        if (page == null) {
            throw new KbException(ErrorCode.NOT_FOUND, req.layout().summary(req.docName()),
                    "the long document's tree summary is missing; index the document before compiling");
        }
        ChatMessage docMsg = ChatMessage.cachedUser(Prompts.overview(req.docName(), PageWriter.body(page)));
        LlmReply r = call("summarising", req.docName(), List.of(system, docMsg), false);
        if (r.text().isBlank()) {
            throw new KbException(ErrorCode.COMPILE_FAILED, req.layout().summary(req.docName()), "the model returned an empty overview");
        }
        if (r.truncated()) {
            warnings.add("the overview of " + req.docName() + " was cut off at the token limit; planning used what came");
        }
        String own = PageWriter.description(page);
        String description = !own.isEmpty() ? own : !PageWriter.isBlank(req.docDescription())
                ? Extracts.clip(req.docDescription(), Extracts.DESCRIPTION_MAX) : describe("", r.text(), req);
        return new Summary(docMsg, r.text(), description);
    }

    /** The planned pages, one per slug; "create" of an existing page becomes an update (defect 6). */
    private static List<PageJob> jobs(KbLayout layout, CompilePlan plan) throws IOException {
        Map<String, PageJob> jobs = new LinkedHashMap<>();
        for (PageKind kind : new PageKind[] {PageKind.ENTITY, PageKind.CONCEPT}) {
            CompilePlan.Group g = kind == PageKind.CONCEPT ? plan.concepts() : plan.entities();
            List<CompilePlan.Item> items = new ArrayList<>(g.create());
            items.addAll(g.update());
            for (CompilePlan.Item it : items) {
                String slug = WikiState.slug(layout, kind, it.name());
                String key = kind.target(slug);
                if (!jobs.containsKey(key)) {
                    var path = WikiState.path(layout, kind, slug);
                    String current = Files.isRegularFile(path) ? PageWriter.body(Files.readString(path, StandardCharsets.UTF_8)) : null;
                    jobs.put(key, new PageJob(kind, slug, it.title(), it.type(), current));
                }
            }
        }
        return new ArrayList<>(jobs.values());
    }

    private static List<String> related(KbLayout layout, PageKind kind, List<String> names) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            String slug = WikiState.slug(layout, kind, name);
            if (Files.isRegularFile(WikiState.path(layout, kind, slug)) && !out.contains(slug)) {
                out.add(slug);
            }
        }
        return out;
    }

    /** Asks for every page, {@value #CONCURRENCY} at a time; failed, cut-off or unusable answers are warnings. */
    private Map<PageJob, AnswerJson.Page> generate(CompileRequest req, List<ChatMessage> prefix, List<PageJob> jobs,
                                                   List<String> warnings) {
        Map<PageJob, AnswerJson.Page> out = new LinkedHashMap<>();
        if (jobs.isEmpty()) {
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(CONCURRENCY, jobs.size()), r -> {
            Thread t = new Thread(r, "openkb-llm-" + req.docName());
            t.setDaemon(true);
            return t;
        });
        try {
            Map<PageJob, Future<LlmReply>> futures = new LinkedHashMap<>();
            for (PageJob job : jobs) {
                List<ChatMessage> msgs = new ArrayList<>(prefix);
                msgs.add(ChatMessage.user(prompt(req, job)));
                futures.put(job, pool.submit(() -> client.complete(msgs, true)));
            }
            for (Map.Entry<PageJob, Future<LlmReply>> e : futures.entrySet()) {
                String what = e.getKey().kind().target(e.getKey().slug());
                LlmReply reply = await(e.getValue(), what, warnings);
                if (reply == null) {
                    continue;
                }
                if (reply.truncated()) {
                    warnings.add(what + ": the answer was cut off at the token limit; the page was left as it was");
                    continue;
                }
                AnswerJson.page(reply.text(), what, warnings::add).ifPresent(p -> out.put(e.getKey(), p));
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private static LlmReply await(Future<LlmReply> f, String what, List<String> warnings) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            warnings.add(what + ": " + (c instanceof KbException k ? k.getMessage() : String.valueOf(c)));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KbException(ErrorCode.CANCELLED, null, "interrupted while waiting for the model");
        }
    }

    private static String prompt(CompileRequest req, PageJob job) {
        List<String> types = req.config().entityTypes();
        if (job.kind() == PageKind.CONCEPT) {
            return job.isUpdate() ? Prompts.conceptUpdate(job.title(), req.docName(), job.currentBody())
                    : Prompts.concept(job.title(), req.docName());
        }
        return job.isUpdate() ? Prompts.entityUpdate(job.title(), job.type(), req.docName(), job.currentBody(), types)
                : Prompts.entity(job.title(), job.type(), req.docName(), types);
    }

    /** The final summary; the first draft when the rewrite fails, is cut off or comes back empty. */
    private String rewrite(List<ChatMessage> prefix, String draft, List<String> warnings) {
        List<ChatMessage> msgs = new ArrayList<>(prefix);
        msgs.add(ChatMessage.user(Prompts.rewrite()));
        try {
            LlmReply r = client.complete(msgs, false);
            String text = PageWriter.stripFrontmatter(AnswerJson.stripFences(r.text().strip()));
            if (!r.truncated() && !text.isBlank()) {
                return text;
            }
            warnings.add("the summary rewrite was " + (r.truncated() ? "cut off" : "empty") + "; kept the first draft");
        } catch (KbException e) {
            warnings.add("the summary rewrite failed (" + e.getMessage() + "); kept the first draft");
        }
        return draft;
    }

    private static PageDraft draft(CompileRequest req, PageJob job, AnswerJson.Page page, Set<String> linkable) {
        String body = GhostLinks.strip(PageWriter.stripFrontmatter(page.content()), linkable).text();
        String description = page.description().isBlank() && !job.isUpdate() ? describe("", body, req) : page.description();
        String type = null;
        if (job.kind() == PageKind.ENTITY) {
            String answered = page.type() == null ? "" : page.type().strip().toLowerCase(java.util.Locale.ROOT);
            type = req.config().entityTypes().contains(answered) ? answered : job.type();
        }
        return new PageDraft(job.kind(), job.slug(), description, body, type, List.of(PageWriter.sourceFile(req.docName())));
    }

    /** {@code description}, else the lead of {@code markdown}, else the title: pages always get one. */
    private static String describe(String description, String markdown, CompileRequest req) {
        if (!description.isBlank()) {
            return PageWriter.oneLine(description);
        }
        String lead = Extracts.lead(DocText.parse(markdown), Extracts.DESCRIPTION_MAX);
        return lead.isEmpty() ? Extracts.clip(req.displayTitle(), Extracts.DESCRIPTION_MAX) : lead;
    }

    private LlmReply call(String step, String doc, List<ChatMessage> messages, boolean json) {
        try {
            return client.complete(messages, json);
        } catch (KbException e) {
            throw new KbException(e.code(), e.path(), step + " " + doc + ": " + e.getMessage().replaceFirst("^[A-Z_]+: ", ""));
        }
    }

    private static String schema(KbLayout layout) throws IOException {
        return Files.isRegularFile(layout.agentsMd()) ? Files.readString(layout.agentsMd(), StandardCharsets.UTF_8) : KbInit.agentsMd();
    }
}
