package dev.openkb.search;

/**
 * One row of the search index: a whole wiki page, or one passage of a document's full text.
 *
 * @param page        the page's link target ({@code summaries/<doc>}, {@code sources/<doc>}, {@code concepts/<slug>}…)
 * @param file        the file it came from, relative to {@code wiki/} ({@code sources/<doc>.json})
 * @param title       the page's title (the document's for a passage)
 * @param description the front-matter description, or empty
 * @param headings    the page's headings (for a passage: the headings it sits under), one per line
 * @param body        the text searched and quoted
 * @param range       where {@code body} lies in {@code file}
 */
public record Passage(String page, String file, String title, String description, String headings, String body,
                      PassageRange range) {
}
