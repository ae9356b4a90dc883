package dev.openkb.cli;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.VisibleText;
import dev.openkb.kb.KbLayout;
import dev.openkb.query.AnswerListener;
import dev.openkb.query.QueryEngine;
import dev.openkb.query.QueryJson;
import dev.openkb.query.QueryResult;
import dev.openkb.service.OpenKb;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code openkb query QUESTION}: the answer in Markdown with {@code [[page]]} citations (offline:
 * the best passages, labelled as such), streamed as it is composed when stdout is a terminal; or
 * one JSON object ({@code --format json}). Every query is logged in log.md; {@code --save} also
 * writes it to {@code wiki/explorations/}. Page text is untrusted, so the answer is printed with
 * its control characters escaped.
 */
@Command(name = "query", description = "Ask the knowledge base a question; the answer cites the pages it draws on.")
final class QueryCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    KbOptions kb;

    @Parameters(arity = "1..*", paramLabel = "QUESTION", description = "The question (several words are joined with spaces).")
    List<String> words;

    @Option(names = "--save", description = "Also save the answer as wiki/explorations/<slug>.md and list it in index.md.")
    boolean save;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json: one object with question, answer, mode and sources.")
    Format format = Format.text;

    @Option(names = "--top", paramLabel = "K", description = "How many pages to draw on (default: ${DEFAULT-VALUE}, at most 50).")
    int top = QueryEngine.DEFAULT_TOP;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String question = QueryEngine.checkQuestion(String.join(" ", words));
        QueryEngine.checkTop(top);
        boolean live = ((Main) spec.root().userObject()).terminal().interactive();
        try (OpenKb engine = kb.engine(spec.commandLine().getErr(), w -> spec.commandLine().getErr().println(w))) {
            KbLayout layout = kb.layout();
            AnswerListener listener = format == Format.json ? AnswerListener.NONE : chunk -> {
                out.print(VisibleText.escapeKeepingNewlines(chunk));
                if (live) {
                    out.flush(); // on a terminal the answer appears as it is composed
                }
            };
            QueryResult r = engine.kb(layout).queries().ask(question, top, save, listener, CancelToken.none());
            if (format == Format.json) {
                out.println(QueryJson.toString(r, layout));
            } else if (r.saved() != null) {
                out.println();
                out.println("Saved to " + VisibleText.escape(layout.relative(r.saved())));
            }
            out.flush();
        }
        return Main.OK;
    }
}
