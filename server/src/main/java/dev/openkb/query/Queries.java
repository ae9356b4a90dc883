package dev.openkb.query;

import dev.openkb.engine.CancelToken;
import dev.openkb.journal.MutationExecutor;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.OperationLog;
import dev.openkb.search.KbSearch;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code openkb query} for one KB: the answer is composed without any KB lock (the index is
 * consistent in itself, and an LLM answer may take a minute that an add should not wait for);
 * then one journaled transaction under the exclusive lock appends OpenKB's
 * {@code ## [ts] query | <question>} log entry and, with save, writes the exploration and its
 * index entry — so a log line exists exactly when its query was answered, and a crash leaves
 * neither or both. A cancelled or failed query logs nothing.
 *
 * <p>Threading: thread-safe; answering runs on the caller's thread, the log and save on the KB's
 * mutation thread.
 */
public final class Queries {
    private final KbLayout layout;
    private final MutationExecutor executor;
    private final QueryEngine engine;
    private final AnswererFactory answerers;
    private final Clock clock;
    private final Consumer<String> warnings;

    public Queries(KbLayout layout, MutationExecutor executor, KbSearch search, AnswererFactory answerers, Clock clock,
                   Consumer<String> warnings) {
        this.layout = layout;
        this.executor = executor;
        this.engine = new QueryEngine(layout, search::index);
        this.answerers = answerers;
        this.clock = clock;
        this.warnings = warnings;
    }

    /** Retrieval and composition, for callers that log themselves (chat turns, benchmarks). */
    public QueryEngine engine() {
        return engine;
    }

    /** Answers with the KB's configured answerer (see {@link AnswererFactory}). */
    public QueryResult ask(String question, int top, boolean save, AnswerListener listener, CancelToken cancel) {
        return ask(question, top, save, answerers.create(layout), listener, cancel);
    }

    public QueryResult ask(String question, int top, boolean save, Answerer answerer, AnswerListener listener,
                           CancelToken cancel) {
        QueryAnswer answer = engine.ask(question, top, answerer, listener, cancel);
        Path saved = executor.call(cancel, r -> r.run("query", Map.of(), tx -> {
            Path page = save ? Explorations.save(tx, layout, answer.question(), answer.answer(), warnings) : null;
            OperationLog.append(tx, layout, LocalDateTime.now(clock), "query", answer.question());
            return page;
        }));
        return new QueryResult(answer, saved);
    }
}
