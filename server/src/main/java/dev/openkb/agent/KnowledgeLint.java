package dev.openkb.agent;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import java.nio.file.Path;
import java.util.List;

/**
 * OpenKB's knowledge lint ({@code wiki-linter}): an agent with {@code list_files(directory)} and
 * {@code read_file(path)}, both confined to {@code wiki/}, that reads the wiki and writes a
 * Markdown report of semantic problems (contradictions, gaps, staleness, redundancy, concept and
 * entity coverage), at most {@link ToolLoop#MAX_TURNS} turns. Like OpenKB, an empty answer becomes
 * {@link #NO_OUTPUT} and a failure becomes the report {@code Knowledge lint failed: <reason>}, so
 * the lint report is still written. One instance per run; not thread-safe.
 */
public final class KnowledgeLint {
    public static final String NO_OUTPUT = "Knowledge lint completed. No output produced.";
    static final String PROMPT = "Please audit this knowledge base wiki for semantic quality issues: contradictions, gaps,"
            + " staleness, redundancy, and missing concept or entity pages. Start with index.md, then read summaries,"
            + " concepts and entities as needed. Produce a structured Markdown report.";

    private final ChatModel model;
    private final Path wikiDir;
    private final String language;

    public KnowledgeLint(ChatModel model, Path wikiDir, String language) {
        this.model = model;
        this.wikiDir = wikiDir;
        this.language = language;
    }

    /**
     * The report text; never throws for a model failure (the report says what failed).
     *
     * @throws KbException CANCELLED when {@code cancel} fired
     */
    public String run(CancelToken cancel) {
        WikiFiles files = new WikiFiles(wikiDir);
        try {
            AgentResult r = new ToolLoop(model, List.of(WikiTools.listFiles(files), WikiTools.readFile(files)), ToolLoop.MAX_TURNS)
                    .run(instructions(files.schema()), PROMPT, null, cancel);
            return r.text().isBlank() ? NO_OUTPUT : r.text().strip();
        } catch (KbException e) {
            if (e.code() == ErrorCode.CANCELLED) {
                throw e;
            }
            return "Knowledge lint failed: " + e.getMessage();
        }
    }

    String instructions(String schema) {
        return "You are a knowledge-base semantic lint agent. Your job is to audit the wiki\n"
                + "for quality issues that structural tools cannot detect.\n\n"
                + schema.strip() + "\n\n"
                + "## Checks to perform\n"
                + "1. **Contradictions** — Do any pages make conflicting claims about the same fact?\n"
                + "2. **Gaps** — Are there obvious missing topics or unexplained references?\n"
                + "3. **Staleness** — Are there references to \"recent\" work, dates, or versions that\n"
                + "   may be outdated?\n"
                + "4. **Redundancy** — Are there multiple pages that cover the same content and\n"
                + "   could be merged?\n"
                + "5. **Concept coverage** — Are important themes in the summaries missing concept pages?\n"
                + "6. **Entity coverage** — Are important named things missing entity pages, and are\n"
                + "   there entity pages nothing refers to (orphaned entity pages)?\n\n"
                + "## Process\n"
                + "1. Start with index.md to understand scope.\n"
                + "2. Read summary pages to understand document content.\n"
                + "3. Read concept pages, then entity pages, to check for contradictions and gaps.\n"
                + "4. Produce a structured Markdown report listing issues found with references\n"
                + "   to the specific pages where each issue occurs.\n\n"
                + "Be thorough but concise. If the wiki is small or sparse, say so.\n"
                + "If no issues are found in a category, say \"None found.\"\n\n"
                + "Write the lint report in " + language + " language.";
    }
}
