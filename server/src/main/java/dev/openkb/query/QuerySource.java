package dev.openkb.query;

import dev.openkb.search.PassageRange;

/**
 * One source of an answer, most relevant first in {@link QueryAnswer#sources()}.
 *
 * @param page    the page's link target ({@code summaries/<doc>}, {@code sources/<doc>}, {@code concepts/<slug>}…)
 * @param title   the page's title
 * @param doc     the raw file name of the document a summary or source page belongs to
 *                ({@code paper.pdf}), or null for concept, entity and exploration pages
 * @param score   BM25 relevance, higher is better (comparable within one answer only)
 * @param snippet the matching text of the passage, plain
 * @param range   where the passage lies in the page's file ({@code wiki/<page>.md}, or {@code .json} per PDF page)
 */
public record QuerySource(String page, String title, String doc, double score, String snippet, PassageRange range) {
}
