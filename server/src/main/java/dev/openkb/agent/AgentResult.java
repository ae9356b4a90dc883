package dev.openkb.agent;

import java.util.List;

/**
 * What an agent run produced.
 *
 * @param text      the final answer (the last turn's text)
 * @param pagesRead the wiki files it read, relative to {@code wiki/}, in the order first read
 * @param turns     how many model calls it took
 */
public record AgentResult(String text, List<String> pagesRead, int turns) {
    public AgentResult {
        pagesRead = List.copyOf(pagesRead);
    }
}
