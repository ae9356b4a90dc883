package dev.openkb.query;

import dev.openkb.engine.CancelToken;
import java.util.List;

/**
 * The answer without an LLM: the best passages, each quoted under a {@code [[page]]} link to where
 * it comes from, opened by a line that says plainly these are retrieved passages, not a generated
 * answer. Streams one chunk per passage. Stateless.
 */
public final class OfflineAnswerer implements Answerer {
    static final String LABEL = "_Retrieved passages, not a generated answer: no LLM was used. The pages below"
            + " match your question best; open them to read on._";
    /** A quoted passage is cut here (at a word) so an answer stays readable. */
    static final int MAX_QUOTE_CHARS = 600;

    @Override
    public String mode() {
        return QueryAnswer.OFFLINE;
    }

    @Override
    public String answer(String question, List<QuerySource> sources, AnswerListener listener, CancelToken cancel) {
        StringBuilder all = new StringBuilder();
        emit(all, listener, LABEL + "\n");
        int n = 1;
        for (QuerySource s : sources) {
            cancel.throwIfCancelled();
            StringBuilder b = new StringBuilder("\n").append(n++).append(". [[").append(s.page()).append("]]");
            if (!s.title().isBlank() && !sameWords(s.title(), stem(s.page()))) {
                b.append(" — ").append(oneLine(s.title()));
            }
            if (s.doc() != null) {
                b.append(" (").append(oneLine(s.doc())).append(')');
            }
            b.append('\n');
            String quote = quote(s.snippet());
            if (!quote.isEmpty()) {
                b.append("   > ").append(quote).append('\n');
            }
            emit(all, listener, b.toString());
        }
        return all.toString();
    }

    private static void emit(StringBuilder all, AnswerListener listener, String chunk) {
        all.append(chunk);
        listener.chunk(chunk);
    }

    private static String stem(String page) {
        return page.substring(page.indexOf('/') + 1);
    }

    private static boolean sameWords(String a, String b) {
        return a.replaceAll("[-_\\s]+", " ").strip().equalsIgnoreCase(b.replaceAll("[-_\\s]+", " ").strip());
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /**
     * The snippet on one line, cut at a word, with what would make Markdown or a wikilink out of
     * page text ({@code [[}, {@code ]]}) defused: a quote must not add links to the answer.
     */
    static String quote(String snippet) {
        String q = oneLine(snippet.replaceAll("(?m)^\\s{0,3}#{1,6}\\s+", "")).replace("[[", "[ [").replace("]]", "] ]");
        if (q.length() > MAX_QUOTE_CHARS) {
            int cut = q.lastIndexOf(' ', MAX_QUOTE_CHARS);
            q = q.substring(0, cut > 0 ? cut : MAX_QUOTE_CHARS) + " …";
        }
        return q;
    }
}
