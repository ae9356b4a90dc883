package dev.openkb.search;

/**
 * One ranked result: the best passage of one page.
 *
 * @param score   BM25 relevance (higher is better; comparable only within one query)
 * @param snippet the matching part of the passage, plain text, at most a few dozen words
 */
public record SearchHit(String page, String file, String title, double score, String snippet, PassageRange range) {
}
