package dev.openkb.compile;

import dev.openkb.kb.KbInit;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code wiki/index.md} with OpenKB's rules (reference 1.4): a section is found by its H2 line
 * (right-stripped) and ends at the next H2; entries are inserted at the top of their section; a
 * document entry is written once and never refreshed; a concept entry is replaced only when a new
 * brief is given; an entity entry is always replaced; a missing {@code ## Documents} or
 * {@code ## Concepts} is appended (with a warning), a missing {@code ## Entities} goes before
 * {@code ## Explorations}. Lines are split and joined on {@code "\n"} so untouched bytes stay as they
 * were. Briefs are written on one line. Stateless.
 */
public final class IndexMd {
    public static final String DOCUMENTS = "## Documents";
    public static final String CONCEPTS = "## Concepts";
    public static final String ENTITIES = "## Entities";
    public static final String EXPLORATIONS = "## Explorations";

    private IndexMd() {
    }

    /** The text to edit: {@code current}, or OpenKB's seed when the file is missing (null). */
    public static String orSeed(String current) {
        return current == null ? KbInit.INDEX_SEED : current;
    }

    /** {@code - [[summaries/<doc>]] (<docType>)[ — <brief>]}, added unless the document is listed. */
    public static String addDocument(String text, String docName, String docType, String brief, Consumer<String> warnings) {
        List<String> lines = Sections.lines(text);
        ensure(lines, DOCUMENTS, warnings);
        String link = "[[summaries/" + docName + "]]";
        if (!Sections.containsEntry(lines, DOCUMENTS, link)) {
            Sections.insertEntry(lines, DOCUMENTS, "- " + link + " (" + docType + ")" + withBrief(brief));
        }
        return Sections.join(lines);
    }

    /** {@code - [[concepts/<slug>]][ — <brief>]}: inserted when absent, replaced only with a brief. */
    public static String putConcept(String text, String slug, String brief, Consumer<String> warnings) {
        List<String> lines = Sections.lines(text);
        ensure(lines, CONCEPTS, warnings);
        String link = "[[concepts/" + slug + "]]";
        String entry = "- " + link + withBrief(brief);
        if (Sections.containsEntry(lines, CONCEPTS, link)) {
            if (!PageWriter.isBlank(brief)) {
                Sections.replaceEntry(lines, CONCEPTS, link, entry);
            }
        } else {
            Sections.insertEntry(lines, CONCEPTS, entry);
        }
        return Sections.join(lines);
    }

    /**
     * {@code - [[explorations/<slug>]][ — <question>]}: always replaced or inserted (a saved query;
     * OpenKB leaves this section empty, {@code openkb query --save} here lists what it saved).
     */
    public static String putExploration(String text, String slug, String question, Consumer<String> warnings) {
        List<String> lines = Sections.lines(text);
        ensure(lines, EXPLORATIONS, warnings);
        String link = "[[explorations/" + slug + "]]";
        String entry = "- " + link + withBrief(question);
        if (Sections.containsEntry(lines, EXPLORATIONS, link)) {
            Sections.replaceEntry(lines, EXPLORATIONS, link, entry);
        } else {
            Sections.insertEntry(lines, EXPLORATIONS, entry);
        }
        return Sections.join(lines);
    }

    /** {@code - [[entities/<slug>]] (<type>)[ — <brief>]}: always replaced or inserted. */
    public static String putEntity(String text, String slug, String type, String brief, Consumer<String> warnings) {
        List<String> lines = Sections.lines(text);
        if (Sections.ensureBefore(lines, ENTITIES, EXPLORATIONS)) {
            warnings.accept("index.md had no '" + ENTITIES + "' section; added it");
        }
        String link = "[[entities/" + slug + "]]";
        String entry = "- " + link + " (" + PageWriter.oneLine(type).toLowerCase(java.util.Locale.ROOT) + ")" + withBrief(brief);
        if (!Sections.replaceEntry(lines, ENTITIES, link, entry)) {
            Sections.insertEntry(lines, ENTITIES, entry);
        }
        return Sections.join(lines);
    }

    /** Removes the document's entries from {@code ## Documents}; headings stay. */
    public static String removeDocument(String text, String docName) {
        return removeEntries(text, List.of("summaries/" + docName));
    }

    /**
     * Removes the entries of {@code targets} ({@code "concepts/x"}, {@code "entities/y"},
     * {@code "summaries/z"}, {@code "explorations/w"}) from their own sections, by strict prefix
     * {@code - [[target]]}; headings stay.
     */
    public static String removeEntries(String text, Collection<String> targets) {
        List<String> lines = Sections.lines(text);
        boolean changed = false;
        for (String target : targets) {
            String heading = sectionOf(target);
            if (heading != null) {
                changed |= Sections.removeEntries(lines, heading, "[[" + target + "]]");
            }
        }
        return changed ? Sections.join(lines) : text;
    }

    private static String sectionOf(String target) {
        int slash = target.indexOf('/');
        String dir = slash < 0 ? "" : target.substring(0, slash);
        return switch (dir) {
            case "summaries" -> DOCUMENTS;
            case "concepts" -> CONCEPTS;
            case "entities" -> ENTITIES;
            case "explorations" -> EXPLORATIONS;
            default -> null;
        };
    }

    private static void ensure(List<String> lines, String heading, Consumer<String> warnings) {
        if (Sections.ensure(lines, heading)) {
            warnings.accept("index.md had no '" + heading + "' section; appended it");
        }
    }

    private static String withBrief(String brief) {
        String b = PageWriter.oneLine(brief);
        return b.isEmpty() ? "" : " — " + b;
    }
}
