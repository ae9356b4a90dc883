package dev.openkb.query;

import java.util.List;

/**
 * The answer to one question, in the shape {@code openkb query --format json} prints and
 * {@code openkb/query} returns.
 *
 * @param answer  Markdown with {@code [[page]]} links
 * @param mode    {@code "offline"} (retrieved passages, no LLM) or {@code "llm"} (a generated answer)
 * @param sources the pages the answer draws on, most relevant first
 */
public record QueryAnswer(String question, String answer, String mode, List<QuerySource> sources) {
    public static final String OFFLINE = "offline";
    public static final String LLM = "llm";

    public QueryAnswer {
        sources = List.copyOf(sources);
    }
}
