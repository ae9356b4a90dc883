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
     * @param sources the retrieved pages, most relevant first (never empty)
     * @throws dev.openkb.engine.KbException CANCELLED when {@code cancel} fires, or the answerer's own failure
     */
    String answer(String question, List<QuerySource> sources, AnswerListener listener, CancelToken cancel);
}
