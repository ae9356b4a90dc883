package dev.openkb.query;

import dev.openkb.engine.CancelToken;
import java.util.List;

/**
 * Composes an answer from the passages retrieved for a question. {@link OfflineAnswerer} quotes
 * them; an LLM answerer writes an answer from them (and may search further). Implementations
 * stream their text to the listener as they produce it and return the whole of it.
 */
public interface Answerer {
    /** {@link QueryAnswer#OFFLINE} or {@link QueryAnswer#LLM}. */
    String mode();

    /**
     * @param sources the retrieved pages, most relevant first (never empty for an offline answerer; an
     *                LLM answerer is also asked when no page matched the question's words, since its
     *                model can still read the index and search)
     * @throws dev.openkb.engine.KbException CANCELLED when {@code cancel} fires, or the answerer's own failure
     */
    String answer(String question, List<QuerySource> sources, AnswerListener listener, CancelToken cancel);

    /**
     * The sources of the answer just composed: by default the retrieved pages it was given; an LLM
     * answerer gives the pages its model actually read.
     */
    default List<QuerySource> sources(List<QuerySource> retrieved) {
        return retrieved;
    }
}
