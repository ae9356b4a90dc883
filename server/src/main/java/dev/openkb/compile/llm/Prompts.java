package dev.openkb.compile.llm;

import java.util.Collection;
import java.util.List;

/**
 * The texts the LLM compiler sends. Each step's last user message starts with a {@code ## Task:}
 * line naming the step, which keeps the requests readable in logs and lets tests tell the steps
 * apart. Stateless.
 */
final class Prompts {
    static final String TASK_SUMMARY = "## Task: write the summary";
    static final String TASK_OVERVIEW = "## Task: write an overview";
    static final String TASK_PLAN = "## Task: plan the pages";
    static final String TASK_CONCEPT = "## Task: write the concept page";
    static final String TASK_CONCEPT_UPDATE = "## Task: update the concept page";
    static final String TASK_ENTITY = "## Task: write the entity page";
    static final String TASK_ENTITY_UPDATE = "## Task: update the entity page";
    static final String TASK_REWRITE = "## Task: finalise the summary";

    private Prompts() {
    }

    static String system(String schema, String language) {
        return "You keep a wiki that is compiled from the user's documents. The wiki's own description of its "
                + "layout and conventions follows.\n\n" + schema.strip() + "\n\n"
                + "Write everything in this language: " + language + ".\n"
                + "Link pages with [[wikilinks]] whose targets are wiki paths without \".md\", for example "
                + "[[concepts/attention]] or [[summaries/some-document]].\n"
                + "Never write YAML frontmatter: the tool maintains it.\n";
    }

    static String summary(String docName, String title, String fullText) {
        return TASK_SUMMARY + "\n\nDocument: " + docName + "\nTitle: " + title + "\n\nFull text:\n" + fullText + "\n\n"
                + "Write this document's summary page in Markdown: what it covers, its main findings and ideas, and how "
                + "it is organised. Where an idea could deserve a page of its own, link it as [[concepts/<slug>]].\n\n"
                + JSON_ONLY + "{\"description\": \"<one sentence, under 100 characters, on what the document contributes>\", "
                + "\"content\": \"<the summary in Markdown>\"}\n";
    }

    static String overview(String docName, String treeSummary) {
        return TASK_OVERVIEW + "\n\nLong document: " + docName + "\nIts page index (sections with their summaries):\n\n"
                + treeSummary + "\n\n"
                + "Write a short overview in Markdown of the document's main themes and findings; it will be used to "
                + "decide which concept and entity pages the document feeds. Answer with Markdown only: no JSON, no "
                + "frontmatter, no code fences.\n";
    }

    static String plan(String conceptBriefs, String entityBriefs, List<String> entityTypes) {
        String types = String.join(", ", entityTypes);
        return TASK_PLAN + "\n\n"
                + "From the document and summary above, decide which CONCEPT pages and ENTITY pages of the wiki to write.\n"
                + "A concept is an idea, method or pattern that can come back in other documents (\"positional-encoding\"). "
                + "An entity is one named thing, of one of these types: " + types + ". Each subject belongs to one group "
                + "only; a subject may have an entity page and a separate concept page that link to each other.\n\n"
                + "Concept pages that exist now:\n" + conceptBriefs + "\n\n"
                + "Entity pages that exist now (type, number of documents that cite them):\n" + entityBriefs + "\n\n"
                + JSON_ONLY
                + "{\"concepts\": {\"create\": [{\"name\": \"slug\", \"title\": \"Title\"}], "
                + "\"update\": [{\"name\": \"existing-slug\", \"title\": \"Title\"}], \"related\": [\"existing-slug\"]}, "
                + "\"entities\": {\"create\": [{\"name\": \"slug\", \"title\": \"Title\", \"type\": \"<one of: " + types + ">\"}], "
                + "\"update\": [...], \"related\": [...]}}\n\n"
                + "Guidelines:\n"
                + "- Use \"update\" for an existing page this document adds something substantial to; prefer it to "
                + "creating a page that overlaps one listed above.\n"
                + "- \"related\" only links an existing page to this document, without rewriting it.\n"
                + "- While the wiki is young, create two or three broad concepts at most, and never one that is just the "
                + "document's own topic.\n"
                + "- Give an entity a page only when it is central here or likely to come back in other documents: "
                + "usually 5 to 15 per document, fewer for short ones.\n";
    }

    static String knownTargets(Collection<String> targets) {
        StringBuilder b = new StringBuilder("These are the only pages a [[wikilink]] may point to, in this answer and "
                + "in every answer after it:\n\n");
        if (targets.isEmpty()) {
            b.append("(none yet: write no wikilinks)\n");
        }
        targets.forEach(t -> b.append("- ").append(t).append('\n'));
        return b.append("\nLink only to targets in this list. Write anything else as plain text, without brackets.\n").toString();
    }

    static String concept(String title, String docName) {
        return TASK_CONCEPT + " \"" + title + "\"\n\n"
                + "Write the wiki page for the concept \"" + title + "\" as the document \"" + docName + "\" (summarised above) "
                + "presents it: a clear explanation, the key details from the document, and links to related pages and to "
                + "[[summaries/" + docName + "]], using only targets from the list above.\n\n"
                + JSON_ONLY + PAGE_JSON.replace("@", "defining the concept");
    }

    static String conceptUpdate(String title, String docName, String currentBody) {
        return TASK_CONCEPT_UPDATE + " \"" + title + "\"\n\nThe page reads now:\n\n" + currentBody.strip() + "\n\n"
                + "Work in what the document \"" + docName + "\" (summarised above) adds. Rewrite the whole page rather "
                + "than appending to it, keep its structure and intent, keep links whose targets are in the list above "
                + "and turn other links into plain text.\n\n"
                + JSON_ONLY + PAGE_JSON.replace("@", "defining the concept");
    }

    static String entity(String title, String type, String docName, List<String> entityTypes) {
        return TASK_ENTITY + " \"" + title + "\" (" + type + ")\n\n"
                + "Write the wiki page for \"" + title + "\" as the document \"" + docName + "\" (summarised above) presents "
                + "it: what it is, the key facts the document gives about it, and links to related concepts, other entities "
                + "and [[summaries/" + docName + "]], using only targets from the list above.\n\n"
                + JSON_ONLY + ENTITY_JSON.replace("@", String.join(", ", entityTypes));
    }

    static String entityUpdate(String title, String type, String docName, String currentBody, List<String> entityTypes) {
        return TASK_ENTITY_UPDATE + " \"" + title + "\" (" + type + ")\n\nThe page reads now:\n\n" + currentBody.strip() + "\n\n"
                + "Work in the new facts about it from the document \"" + docName + "\" (summarised above). Rewrite the whole "
                + "page rather than appending to it, keep its structure and intent, and follow the link rules above.\n\n"
                + JSON_ONLY + ENTITY_JSON.replace("@", String.join(", ", entityTypes));
    }

    static String rewrite() {
        return TASK_REWRITE + "\n\n"
                + "Rewrite your summary above so that its links match the pages the wiki now has (the list above). Keep "
                + "every fact and heading and about the same length; add nothing new. Keep links to listed targets, turn "
                + "the others into plain text, and you may link plain mentions of listed pages.\n\n"
                + "Answer with the Markdown only: no JSON, no frontmatter, no code fences.\n";
    }

    private static final String JSON_ONLY = "Answer with one JSON object and nothing else:\n";
    private static final String PAGE_JSON = "{\"description\": \"<one sentence, under 100 characters, @>\", "
            + "\"content\": \"<the page in Markdown>\"}\n";
    private static final String ENTITY_JSON = "{\"description\": \"<one sentence, under 100 characters, saying what it is>\", "
            + "\"type\": \"<one of: @>\", \"content\": \"<the page in Markdown>\"}\n";
}
