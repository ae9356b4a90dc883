package dev.openkb.query;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.kb.KbLayout;
import dev.openkb.search.SearchHit;
import dev.openkb.search.SearchIndex;
import dev.openkb.search.SearchQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Answers a question about one KB: checks it, retrieves the most relevant pages from the search
 * index, and hands them to an {@link Answerer} (offline: quoted passages; LLM: a written answer).
 * Reads only: logging the query and saving it as an exploration are the caller's transaction.
 *
 * <p>Threading: thread-safe (the index and the document lookup guard themselves).
 */
public final class QueryEngine {
    /** Longer questions are refused: a question is asked, not pasted (100 KB of text is not a question). */
    public static final int MAX_QUESTION_CHARS = 8_000;
    public static final int DEFAULT_TOP = 5;
    public static final int MAX_TOP = 50;
    static final String NO_PAGES = "This knowledge base has no pages yet, so there is nothing to answer from."
            + " Add documents first (`openkb add FILE`).";
    static final String NO_MATCH = "No page of the knowledge base matches this question. Try other words,"
            + " a \"quoted phrase\" or a prefix* (retrieval is by words, not meaning, without an LLM).";

    private final Supplier<SearchIndex> index;
    private final DocLookup docs;

    /** @param index the KB's index, brought up to date before each question (see {@link dev.openkb.search.KbSearch#index()}) */
    public QueryEngine(KbLayout layout, Supplier<SearchIndex> index) {
        this.index = index;
        this.docs = new DocLookup(layout);
    }

    /** The question, stripped, or INVALID_ARGUMENT when it is empty or too long. */
    public static String checkQuestion(String question) {
        String q = question == null ? "" : question.strip();
        if (q.isEmpty()) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, null, "the question is empty; ask something, e.g."
                    + " openkb query \"what is attention?\"");
        }
        if (q.length() > MAX_QUESTION_CHARS) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, null, "the question is " + q.length()
                    + " characters long; at most " + MAX_QUESTION_CHARS + " are accepted (ask about a text, do not paste it:"
                    + " add it to the knowledge base with openkb add)");
        }
        return q;
    }

    public static int checkTop(int top) {
        if (top < 1 || top > MAX_TOP) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, null, "top must be between 1 and " + MAX_TOP + ", not " + top);
        }
        return top;
    }

    /** The {@code top} most relevant pages for {@code question}, most relevant first. */
    public List<QuerySource> retrieve(String question, int top) {
        List<QuerySource> out = new ArrayList<>();
        for (SearchHit h : index.get().search(SearchQuery.parse(checkQuestion(question)), checkTop(top))) {
            out.add(new QuerySource(h.page(), h.title(), docs.docOf(h.page()), h.score(), h.snippet(), h.range()));
        }
        return out;
    }

    /**
     * Answers {@code question} from the {@code top} best pages; the answer's text streams to
     * {@code listener} as it is composed. A KB with no pages, or no matching page, gets an answer
     * that says so (and no sources) rather than an error.
     */
    public QueryAnswer ask(String question, int top, Answerer answerer, AnswerListener listener, CancelToken cancel) {
        String q = checkQuestion(question);
        checkTop(top);
        cancel.throwIfCancelled();
        SearchIndex idx = index.get();
        if (idx.fileCount() == 0) {
            listener.chunk(NO_PAGES + "\n");
            return new QueryAnswer(q, NO_PAGES + "\n", answerer.mode(), List.of());
        }
        List<QuerySource> sources = retrieve(q, top);
        if (sources.isEmpty()) {
            listener.chunk(NO_MATCH + "\n");
            return new QueryAnswer(q, NO_MATCH + "\n", answerer.mode(), List.of());
        }
        cancel.throwIfCancelled();
        String answer = answerer.answer(q, sources, listener, cancel);
        return new QueryAnswer(q, answer, answerer.mode(), sources);
    }
}
