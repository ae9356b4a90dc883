package dev.openkb.agent;

import dev.openkb.engine.CancelToken;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * OpenKB's query agent ({@code wiki-query}): answers a question from the wiki with the tools
 * {@code read_file(path)}, {@code get_page_content(doc_name, pages)} and {@code get_image(path)},
 * all confined to {@code wiki/}, plus {@code search(query)} over the KB's index when there is one;
 * at most {@link ToolLoop#MAX_TURNS} turns, in the KB's language, citing the pages it read. One
 * instance per question; not thread-safe.
 */
public final class QueryAgent {
    private final ChatModel model;
    private final Path wikiDir;
    private final String language;
    private final WikiSearch search;

    /** @param search the index behind the {@code search} tool, or null to offer no such tool */
    public QueryAgent(ChatModel model, Path wikiDir, String language, WikiSearch search) {
        this.model = model;
        this.wikiDir = wikiDir;
        this.language = language;
        this.search = search;
    }

    /**
     * @param onText null for a plain request; otherwise the answer streams here as it arrives
     * @throws dev.openkb.engine.KbException LLM_FAILED, CANCELLED
     */
    public AgentResult answer(String question, Consumer<String> onText, CancelToken cancel) {
        WikiFiles files = new WikiFiles(wikiDir);
        List<Tool> tools = new ArrayList<>(List.of(WikiTools.readFile(files), WikiTools.pageContent(files), WikiTools.image(files)));
        if (search != null) {
            tools.add(WikiTools.search(search));
        }
        AgentResult r = new ToolLoop(model, tools, ToolLoop.MAX_TURNS).run(instructions(files.schema()), question, onText, cancel);
        return new AgentResult(r.text(), files.pagesRead(), r.turns());
    }

    String instructions(String schema) {
        return "You are a knowledge-base Q&A agent. You answer questions by searching the wiki.\n\n"
                + schema.strip() + "\n\n"
                + "## Search strategy\n"
                + (search != null ? "0. search(query) finds the pages that mention given words; use it to find where to look.\n" : "")
                + "1. Read index.md to see all documents and concepts with brief summaries.\n"
                + "   Each document is marked (short) or (pageindex) to indicate its type.\n"
                + "2. Read relevant summary pages (summaries/) for document overviews.\n"
                + "   Note: summaries may omit details.\n"
                + "3. Read concept pages (concepts/) for cross-document synthesis.\n"
                + "4. When you need detailed source document content, each summary page has a\n"
                + "   `full_text` frontmatter field with the path to the original document content:\n"
                + "   - Short documents (doc_type: short): read_file with that path.\n"
                + "   - PageIndex documents (doc_type: pageindex): use get_page_content(doc_name, pages)\n"
                + "     to read specific pages. The summary shows document tree structure with page ranges.\n"
                + "   - Figures listed as [Images: ...] can be viewed with get_image(path).\n"
                + "5. Synthesise a clear, well-cited answer grounded in wiki content: cite the pages you\n"
                + "   used as [[wikilinks]] (e.g. [[summaries/paper]], [[concepts/attention]]).\n\n"
                + "Before each tool call, briefly state what you are about to do.\n\n"
                + "If you cannot find relevant information, say so clearly.\n\n"
                + "IMPORTANT: Write your answer in " + language + " language.";
    }
}
