package dev.openkb.compile.offline;

import dev.openkb.compile.pages.PageWriter;
import dev.openkb.compile.pages.Sections;
import dev.openkb.compile.text.Extracts;
import dev.openkb.compile.text.Heading;
import dev.openkb.compile.text.Inline;
import java.util.List;

/**
 * The bodies the offline compiler writes: a summary (title, lead, outline of headings, key passages)
 * and concept/entity pages made of one {@code ## From <doc>} section per document that mentions the
 * subject (its most definition-like sentence first). A later document adds or refreshes only its own section,
 * so nothing another document (or a person) wrote is lost. Every extracted sentence is neutralised so
 * it cannot form a wikilink. Stateless.
 */
final class OfflinePages {
    static final int QUOTE_MAX = 300;

    private OfflinePages() {
    }

    /**
     * A summary's body. With {@code fullTextOf} (a document name) it ends with a link to the
     * document's converted text, {@code sources/<doc>}: the one link of a summary that shares no
     * concept or entity, so that no lint takes it for an orphan.
     */
    static String summaryBody(String title, String description, List<Heading> headings, List<String> passages,
                              String fullTextOf) {
        StringBuilder b = new StringBuilder("# ").append(Inline.neutralize(PageWriter.oneLine(title))).append("\n\n");
        if (!description.isBlank()) {
            b.append(Inline.neutralize(description)).append("\n\n");
        }
        if (!headings.isEmpty()) {
            int min = headings.stream().mapToInt(Heading::level).min().orElse(1);
            b.append("## Outline\n\n");
            for (Heading h : headings.subList(0, Math.min(headings.size(), 50))) {
                b.append("  ".repeat(h.level() - min)).append("- ").append(Inline.neutralize(h.text())).append('\n');
            }
            b.append('\n');
        }
        if (!passages.isEmpty()) {
            b.append("## Key Passages\n\n");
            passages.forEach(p -> b.append("- ").append(Inline.neutralize(Extracts.clip(p, QUOTE_MAX * 2))).append('\n'));
            b.append('\n');
        }
        if (fullTextOf != null) {
            b.append("Full text: [[sources/").append(fullTextOf).append("]]\n");
        }
        return b.toString().stripTrailing() + "\n";
    }

    /**
     * A new concept or entity page body: a heading, then one section per document (the description
     * in the frontmatter already says what the subject is).
     */
    static String newPage(String title, List<DocQuotes> quotes) {
        StringBuilder b = new StringBuilder("# ").append(Inline.neutralize(title)).append("\n\n");
        for (DocQuotes q : quotes) {
            if (!q.sentences().isEmpty()) {
                b.append(section(q)).append('\n');
            }
        }
        return b.toString().stripTrailing() + "\n";
    }

    /**
     * {@code body} with the document's {@code ## From <doc>} section replaced, or inserted before
     * {@code ## Related Documents} (appended when that is missing).
     */
    static String withSection(String body, DocQuotes q) {
        if (q.sentences().isEmpty()) {
            return body;
        }
        List<String> lines = Sections.lines(body);
        String heading = heading(q.docName());
        List<String> section = Sections.lines(section(q));
        int[] own = Sections.bounds(lines, heading);
        if (own != null) {
            lines.subList(own[0] - 1, own[1]).clear();
            lines.addAll(own[0] - 1, section);
            return Sections.join(lines);
        }
        int[] related = Sections.bounds(lines, PageWriter.RELATED_DOCUMENTS);
        if (related != null) {
            lines.addAll(related[0] - 1, section);
            return Sections.join(lines);
        }
        String trimmed = body.stripTrailing();
        return (trimmed.isEmpty() ? "" : trimmed + "\n\n") + section(q);
    }

    private static String section(DocQuotes q) {
        StringBuilder b = new StringBuilder(heading(q.docName())).append("\n\n");
        q.sentences().forEach(s -> b.append("- ").append(Inline.neutralize(Extracts.clip(s, QUOTE_MAX))).append('\n'));
        return b.toString();
    }

    private static String heading(String docName) {
        return "## From " + docName;
    }

    /** What one document says about a subject. */
    record DocQuotes(String docName, List<String> sentences) {
        DocQuotes {
            sentences = List.copyOf(sentences);
        }
    }
}
