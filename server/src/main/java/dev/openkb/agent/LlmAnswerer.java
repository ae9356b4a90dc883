package dev.openkb.agent;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.KbException;
import dev.openkb.kb.KbConfig;
import dev.openkb.kb.KbLayout;
import dev.openkb.query.AnswerListener;
import dev.openkb.query.Answerer;
import dev.openkb.query.QueryAnswer;
import dev.openkb.query.QuerySource;
import dev.openkb.search.PassageRange;
import dev.openkb.search.SearchIndex;
import dev.openkb.search.SearchQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The query engine's LLM answerer (mode {@code llm}): the {@link QueryAgent}'s tool loop, its
 * {@code search} tool backed by the KB's full-text index, and the pages the index retrieved named
 * in the question so the model can start from them. Its text streams to the listener (the chunks
 * joined are the answer), and its sources are the pages the model read, not the ones retrieved.
 * Holds the pages read by its one answer: one instance per question, not thread-safe.
 */
public final class LlmAnswerer implements Answerer {
    /** Read by the model but not sources of an answer: the catalogue and the wiki's bookkeeping. */
    private static final Set<String> NOT_SOURCES = Set.of("index", "log", "AGENTS", "SCHEMA");

    private final ChatModel model;
    private final KbLayout layout;
    private final String language;
    private final Supplier<SearchIndex> index;
    private List<String> pagesRead = List.of();

    public LlmAnswerer(ChatModel model, KbLayout layout, String language, Supplier<SearchIndex> index) {
        this.model = model;
        this.layout = layout;
        this.language = language;
        this.index = index;
    }

    /**
     * The answerer for a KB whose config names a model, built through the endpoint approval.
     *
     * @throws KbException INVALID_ARGUMENT (no key, bad base_url), ENDPOINT_NOT_APPROVED (nothing is sent)
     */
    public static LlmAnswerer forKb(KbConfig config, KbLayout layout, Map<String, String> env, Supplier<SearchIndex> index) {
        return new LlmAnswerer(AgentModels.forConfig(config, layout, env), layout, config.language(), index);
    }

    @Override
    public String mode() {
        return QueryAnswer.LLM;
    }

    @Override
    public String answer(String question, List<QuerySource> sources, AnswerListener listener, CancelToken cancel) {
        StringBuilder streamed = new StringBuilder();
        boolean stream = listener != AnswerListener.NONE;
        AgentResult r = new QueryAgent(model, layout.wikiDir(), language, this::search)
                .answer(prompt(question, sources), stream ? chunk -> {
                    streamed.append(chunk);
                    listener.chunk(chunk);
                } : null, cancel);
        pagesRead = r.pagesRead();
        String text = stream ? streamed.toString() : r.text();
        if (!text.endsWith("\n")) {
            // Like the offline answer, it ends with a line break, so what follows it on a terminal starts on its own line.
            listener.chunk("\n");
            text += "\n";
        }
        return text;
    }

    /** The question, and the pages whose words match it (the model decides whether to read them). */
    static String prompt(String question, List<QuerySource> retrieved) {
        if (retrieved.isEmpty()) {
            return question;
        }
        List<String> files = new ArrayList<>();
        for (QuerySource s : retrieved) {
            files.add(s.page() + (s.range().pdfPage() > 0 ? ".json" : ".md"));
        }
        return question + "\n\n(Pages whose words match the question, best first: " + String.join(", ", files) + ")";
    }

    private List<SearchHit> search(String query, int limit) {
        SearchQuery q;
        try {
            q = SearchQuery.parse(query);
        } catch (KbException e) {
            return List.of(); // a query the index cannot parse finds nothing; the tool says so
        }
        List<SearchHit> out = new ArrayList<>();
        for (dev.openkb.search.SearchHit h : index.get().search(q, limit)) {
            out.add(new SearchHit(h.file(), h.title(), h.snippet()));
        }
        return out;
    }

    /** The wiki pages the model read, in order, described by the retrieved source of the same page where there is one. */
    @Override
    public List<QuerySource> sources(List<QuerySource> retrieved) {
        List<QuerySource> out = new ArrayList<>();
        for (String file : pagesRead) {
            int dot = file.lastIndexOf('.');
            String ext = dot < 0 ? "" : file.substring(dot);
            if (!ext.equals(".md") && !ext.equals(".json")) {
                continue; // images are looked at, not cited
            }
            String page = file.substring(0, dot);
            if (NOT_SOURCES.contains(page)) {
                continue;
            }
            QuerySource known = retrieved.stream().filter(s -> s.page().equals(page)).findFirst().orElse(null);
            out.add(known != null ? known : new QuerySource(page, page.substring(page.lastIndexOf('/') + 1), null, 0,
                    "", wholeFile(layout.wikiDir().resolve(file), ext)));
        }
        return out;
    }

    /** A Markdown page's lines, all of them; a long document's per-page JSON as a whole (no one PDF page). */
    private static PassageRange wholeFile(Path file, String ext) {
        if (ext.equals(".json")) {
            return PassageRange.lines(0, 0);
        }
        try {
            return PassageRange.lines(0, (int) Files.readString(file, StandardCharsets.UTF_8).lines().count());
        } catch (IOException e) {
            return PassageRange.lines(0, 0); // it was read a moment ago; gone now, it is still what the answer drew on
        }
    }
}
