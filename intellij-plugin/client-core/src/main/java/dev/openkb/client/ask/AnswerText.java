package dev.openkb.client.ask;

import dev.openkb.client.protocol.Results.QueryResult;
import dev.openkb.client.protocol.Results.QuerySource;

/**
 * The answer of a question as a Markdown document for an editor tab: the question, the answer as the server
 * wrote it (Markdown with {@code [[page]]} links), how it was made, and the sources with their snippets.
 * Stateless.
 */
public final class AnswerText {
    private AnswerText() {
    }

    public static String markdown(QueryResult r) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(oneLine(r.question())).append("\n\n");
        out.append(r.answer() == null ? "" : r.answer().strip()).append("\n\n");
        if ("offline".equals(r.mode())) {
            out.append("_Retrieved passages from the knowledge base (offline: no model wrote this answer)._\n\n");
        }
        if (r.sources() != null && !r.sources().isEmpty()) {
            out.append("## Sources\n\n");
            int i = 1;
            for (QuerySource s : r.sources()) {
                out.append(i++).append(". [[").append(s.page()).append("]]");
                if (s.title() != null && !s.title().isBlank()) {
                    out.append(" — ").append(oneLine(s.title()));
                }
                if (s.doc() != null && !s.doc().isBlank()) {
                    out.append(" (").append(oneLine(s.doc())).append(')');
                }
                out.append('\n');
                if (s.snippet() != null && !s.snippet().isBlank()) {
                    out.append("   > ").append(oneLine(s.snippet())).append('\n');
                }
            }
        }
        if (r.saved() != null) {
            out.append("\nSaved as `").append(r.saved()).append("`.\n");
        }
        return out.toString();
    }

    /** A label of a source for a chooser: "title — page". */
    public static String label(QuerySource s) {
        String title = s.title() == null || s.title().isBlank() ? s.page() : oneLine(s.title());
        return title.equals(s.page()) ? title : title + " — " + s.page();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
