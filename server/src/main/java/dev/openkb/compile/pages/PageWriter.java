package dev.openkb.compile.pages;

import dev.openkb.compile.text.Boilerplate;
import dev.openkb.convert.DocKind;
import dev.openkb.wiki.Frontmatter;
import dev.openkb.wiki.RawYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Summary, concept and entity pages in OpenKB's formats (reference 1.5), as pure text functions so
 * the compilers, {@code remove} and the language server share them. Frontmatter values are one-line
 * JSON in OpenKB's field order; code-managed body parts are {@code ## Related Documents} bullets on
 * concept/entity pages, {@code ## Related Concepts} / {@code ## Entities} bullets on summaries and
 * {@code See also: [[summaries/<doc>]]} paragraphs.
 *
 * <p>Two OpenKB defects are fixed here: a source is added only when it is not already an exact
 * element of {@code sources} (OpenKB tested a substring of the whole page, defect 12), and writing a
 * page that exists always updates it, keeping its sources (OpenKB's "create" overwrote them, defect 6).
 * Stateless.
 */
public final class PageWriter {
    public static final String RELATED_DOCUMENTS = "## Related Documents";
    public static final String RELATED_CONCEPTS = "## Related Concepts";
    public static final String ENTITIES = "## Entities";

    static final List<String> SUMMARY_ORDER = List.of("type", "description", "doc_type", "full_text");
    static final List<String> CONCEPT_ORDER = List.of("type", "sources", "description");
    static final List<String> ENTITY_ORDER = List.of("sources", "type", "description", "aliases");

    private PageWriter() {
    }

    /** {@code summaries/<doc>.md}, the form concept and entity pages list in {@code sources}. */
    public static String sourceFile(String docName) {
        return "summaries/" + docName + ".md";
    }

    /** {@code [[summaries/<doc>]]}. */
    public static String summaryLink(String docName) {
        return "[[summaries/" + docName + "]]";
    }

    /** OpenKB's {@code doc_type}: {@code short} or {@code pageindex}. */
    public static String docType(DocKind kind) {
        return kind == DocKind.LONG_PDF ? "pageindex" : "short";
    }

    /**
     * A whole summary page: {@code type, description, doc_type, full_text} then {@code extra} fields,
     * a blank line and the body (any frontmatter the body carries is dropped). A blank description is
     * left out, as OpenKB does.
     */
    public static String summaryPage(String docName, DocKind kind, String description, Map<String, Object> extra,
                                     String body) {
        LinkedHashMap<String, Object> fm = new LinkedHashMap<>();
        fm.put("type", "Summary");
        if (!isBlank(description)) {
            fm.put("description", oneLine(description));
        }
        fm.put("doc_type", new RawYaml(docType(kind)));
        fm.put("full_text", "sources/" + docName + (kind == DocKind.LONG_PDF ? ".json" : ".md"));
        fm.putAll(extra);
        return Frontmatter.render(fm) + "\n" + stripFrontmatter(body);
    }

    /**
     * An existing summary (the long-document tree page) with {@code type: "Summary"} guaranteed, the
     * description filled in only when it is blank, and {@code extra} fields set. A page without a
     * well-formed block gets a fresh one in front of its text.
     */
    public static String backfillSummary(String text, String docName, DocKind kind, String description,
                                         Map<String, Object> extra) {
        Optional<FrontmatterLines> fm = FrontmatterLines.of(text);
        if (fm.isEmpty()) {
            return summaryPage(docName, kind, description, extra, text);
        }
        FrontmatterLines f = fm.get();
        f.set("type", "Summary", SUMMARY_ORDER);
        Object current = f.value("description");
        // A description that is a notice or an author block (a long PDF's first page) gives way to the compiler's.
        if ((current == null || isBlank(String.valueOf(current)) || Boilerplate.isBoilerplate(String.valueOf(current)))
                && !isBlank(description)) {
            f.set("description", oneLine(description), SUMMARY_ORDER);
        }
        List<String> order = new ArrayList<>(SUMMARY_ORDER);
        for (Map.Entry<String, Object> e : extra.entrySet()) {
            order.add(e.getKey());
            f.set(e.getKey(), e.getValue(), order);
        }
        return f.text();
    }

    /** The description a page's frontmatter holds (legacy {@code brief} as fallback), or "". */
    public static String description(String text) {
        Optional<FrontmatterLines> fm = FrontmatterLines.of(text);
        if (fm.isEmpty()) {
            return "";
        }
        for (String key : List.of("description", "brief")) {
            Object v = fm.get().value(key);
            if (v instanceof String s && !s.isBlank()) {
                return s.strip();
            }
        }
        return "";
    }

    /** The page's {@code sources} list (empty when it has none). */
    public static List<String> sources(String text) {
        List<String> l = FrontmatterLines.of(text).map(f -> f.list("sources")).orElse(null);
        return l == null ? List.of() : l;
    }

    /** The body after the frontmatter block (the whole text when there is none). */
    public static String body(String text) {
        return FrontmatterLines.of(text).map(FrontmatterLines::body).orElse(text);
    }

    /**
     * Writes a concept page: a new page when {@code existing} is null, else an update that adds the
     * source, sets {@code type: "Concept"}, refreshes a non-blank description, drops the legacy
     * {@code brief} and replaces the body (kept when {@code body} is null).
     */
    public static String conceptPage(String existing, String sourceFile, String description, String body) {
        LinkedHashMap<String, Object> fresh = new LinkedHashMap<>();
        fresh.put("type", "Concept");
        return page(existing, sourceFile, description, body, fresh, CONCEPT_ORDER);
    }

    /** As {@link #conceptPage} for an entity; {@code type} is the entity type, written title-cased. */
    public static String entityPage(String existing, String sourceFile, String type, String description,
                                    String body) {
        LinkedHashMap<String, Object> fresh = new LinkedHashMap<>();
        fresh.put("type", titleCase(type == null || type.isBlank() ? "other" : type));
        return page(existing, sourceFile, description, body, fresh, ENTITY_ORDER);
    }

    private static String page(String existing, String sourceFile, String description, String body,
                               LinkedHashMap<String, Object> typeField, List<String> order) {
        String cleanBody = body == null ? null : stripFrontmatter(body);
        Optional<FrontmatterLines> fm = existing == null ? Optional.empty() : FrontmatterLines.of(existing);
        if (fm.isEmpty()) {
            List<String> sources = new ArrayList<>();
            sources.add(sourceFile);
            if (existing != null) {
                recoverSources(existing).stream().filter(s -> !s.equals(sourceFile)).forEach(sources::add);
            }
            LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
            for (String key : order) {
                if (key.equals("sources")) {
                    fields.put("sources", sources);
                } else if (key.equals("type")) {
                    fields.putAll(typeField);
                } else if (key.equals("description") && !isBlank(description)) {
                    fields.put("description", oneLine(description));
                }
            }
            String keptBody = cleanBody != null ? cleanBody : existing == null ? "" : existing;
            return Frontmatter.render(fields) + "\n" + keptBody;
        }
        FrontmatterLines f = fm.get();
        addSource(f, sourceFile, order);
        typeField.forEach((k, v) -> f.set(k, v, order));
        if (!isBlank(description)) {
            f.set("description", oneLine(description), order);
        }
        f.drop("brief");
        return cleanBody == null ? f.text() : f.withBody("\n" + cleanBody);
    }

    /**
     * Adds {@code sourceFile} to the front of {@code sources} unless it is already an exact element;
     * creates the list (and a block, for a page without one) when missing.
     */
    public static String addSource(String text, String sourceFile) {
        Optional<FrontmatterLines> fm = FrontmatterLines.of(text);
        if (fm.isEmpty()) {
            LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
            fields.put("sources", List.of(sourceFile));
            return Frontmatter.render(fields) + "\n" + text;
        }
        addSource(fm.get(), sourceFile, CONCEPT_ORDER);
        return fm.get().text();
    }

    private static void addSource(FrontmatterLines f, String sourceFile, List<String> order) {
        List<String> sources = f.has("sources") ? f.list("sources") : new ArrayList<>();
        if (sources == null) {
            // A sources field YAML cannot read as a list: leave the user's text alone.
            return;
        }
        if (!sources.contains(sourceFile)) {
            sources.add(0, sourceFile);
            f.set("sources", sources, order);
        }
    }

    /**
     * Puts {@code newestFirst} at the front of the page's {@code sources}, in that order, followed by
     * the sources it already listed that are not among them. A page whose list cannot be read is
     * left alone.
     */
    static String mergeSources(String text, List<String> newestFirst) {
        if (newestFirst.isEmpty()) {
            return text;
        }
        String withFirst = addSource(text, newestFirst.get(0));
        FrontmatterLines f = FrontmatterLines.of(withFirst).orElseThrow();
        List<String> current = f.list("sources");
        if (newestFirst.size() == 1 || current == null) {
            return withFirst;
        }
        List<String> merged = new ArrayList<>(newestFirst);
        current.stream().filter(s -> !merged.contains(s)).forEach(merged::add);
        if (merged.equals(current)) {
            return withFirst;
        }
        f.set("sources", merged, CONCEPT_ORDER);
        return f.text();
    }

    /**
     * OpenKB's cross-reference for a related page: unless the page already links the summary, adds
     * the source and appends a {@code See also: [[summaries/<doc>]]} paragraph.
     */
    public static String addRelatedLink(String text, String docName) {
        String link = summaryLink(docName);
        if (text.contains(link)) {
            return text;
        }
        return addSource(text, sourceFile(docName)) + "\n\nSee also: " + link;
    }

    /**
     * Puts a {@code - [[target]]} bullet for every target the page does not link yet at the top of
     * {@code section} (appended at the end when missing), keeping {@code targets}' order.
     */
    public static String addBacklinks(String text, String section, List<String> targets) {
        List<String> missing = targets.stream().filter(t -> !text.contains("[[" + t + "]]")).distinct().toList();
        if (missing.isEmpty()) {
            return text;
        }
        List<String> lines = Sections.lines(text);
        Sections.ensure(lines, section);
        for (int i = missing.size() - 1; i >= 0; i--) {
            Sections.insertEntry(lines, section, "- [[" + missing.get(i) + "]]");
        }
        return Sections.join(lines);
    }

    /**
     * A summary's links to concept or entity pages: the targets not linked yet join {@code section},
     * whose entries are then kept in alphabetical order, and Related Concepts stays before Entities.
     * One fixed order, whichever document's compile added a link first, so a summary rebuilt by a
     * recompile reads exactly as the one the adds built up.
     */
    public static String addSummaryLinks(String text, String section, List<String> targets) {
        List<String> missing = targets.stream().filter(t -> !text.contains("[[" + t + "]]")).distinct().toList();
        List<String> lines = Sections.lines(text);
        if (missing.isEmpty() && Sections.bounds(lines, section) == null) {
            return text;
        }
        if (section.equals(RELATED_CONCEPTS)) {
            Sections.ensureBefore(lines, section, ENTITIES);
        } else {
            Sections.ensure(lines, section);
        }
        missing.forEach(t -> Sections.insertEntry(lines, section, "- [[" + t + "]]"));
        int[] b = Sections.bounds(lines, section);
        List<Integer> at = new ArrayList<>();
        for (int i = b[0]; i < b[1]; i++) {
            if (lines.get(i).startsWith("- [[")) {
                at.add(i);
            }
        }
        List<String> entries = new ArrayList<>(at.stream().map(lines::get).sorted().toList());
        for (int i = 0; i < at.size(); i++) {
            lines.set(at.get(i), entries.get(i));
        }
        String out = Sections.join(lines);
        return out;
    }

    /**
     * Takes out of a concept or entity page everything {@code docName} contributed: its entry in
     * {@code sources}, its {@code ## From <doc>} section (the quotes the offline compiler took from
     * it), its {@code ## Related Documents} entry and "See also" line, and a description quoted from
     * it — replaced by the first quote of the first remaining {@code ## From} section (the compiler
     * quotes a document's most definition-like sentence first, which is what it makes descriptions
     * of), or left as it is when no such section remains to say anything else.
     */
    public static SourceRemoval removeSource(String pageText, String docName) {
        String text = pageText;
        boolean listed = false;
        int remaining = 0;
        String newDescription = null;
        Optional<FrontmatterLines> fm = FrontmatterLines.of(text);
        if (fm.isPresent()) {
            FrontmatterLines f = fm.get();
            List<String> sources = f.list("sources");
            if (sources != null) {
                listed = sources.remove(sourceFile(docName)) | sources.remove("summaries/" + docName);
                if (listed) {
                    f.set("sources", sources, CONCEPT_ORDER);
                }
                remaining = sources.size();
            }
            List<String> body = Sections.lines(f.body());
            int[] own = Sections.bounds(body, FROM_PREFIX + docName);
            if (own != null) {
                List<String> quotes = bullets(body.subList(own[0], own[1]));
                body.subList(own[0] - 1, own[1]).clear();
                String description = description(text);
                if (quotedFrom(description, quotes)) {
                    String next = firstRemainingQuote(body);
                    if (next != null) {
                        newDescription = clip(next, DESCRIPTION_MAX);
                        f.set("description", newDescription, CONCEPT_ORDER);
                    }
                }
                text = f.withBody(Sections.join(body));
            } else if (listed) {
                text = f.text();
            }
        }
        String link = summaryLink(docName);
        if (text.contains(link)) {
            List<String> lines = Sections.lines(text);
            if (Sections.removeEntries(lines, RELATED_DOCUMENTS, link)) {
                text = Sections.join(lines);
            }
            String quoted = Pattern.quote(link);
            text = Pattern.compile("\n\n[ \t]*See also:[ \t]*" + quoted + "[ \t]*(\n|\\z)").matcher(text).replaceAll("$1");
            text = Pattern.compile("^[ \t]*See also:[ \t]*" + quoted + "[ \t]*\n?", Pattern.MULTILINE)
                    .matcher(text).replaceAll("");
        }
        return new SourceRemoval(text, remaining, listed, newDescription);
    }

    /** Descriptions stay under this many characters (the offline compiler's limit). */
    public static final int DESCRIPTION_MAX = 200;
    private static final String FROM_PREFIX = "## From ";

    /** {@code s} on one line, cut at a word boundary to fewer than {@code max} characters, with "…" when cut. */
    public static String clip(String s, int max) {
        String t = oneLine(s);
        if (t.length() < max) {
            return t;
        }
        int cut = t.lastIndexOf(' ', max - 2);
        if (cut < max / 2) {
            cut = max - 2;
        }
        return t.substring(0, cut).replaceAll("[\\s,;:.\\-]+$", "") + "…";
    }

    /** The texts of the {@code "- "} bullets among {@code lines}. */
    private static List<String> bullets(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (l.startsWith("- ")) {
                out.add(l.substring(2).strip());
            }
        }
        return out;
    }

    /** True when {@code description} is one of {@code quotes}, or the start of one (clipped shorter, "…"). */
    private static boolean quotedFrom(String description, List<String> quotes) {
        if (description.isEmpty()) {
            return false;
        }
        String d = description.endsWith("…") ? description.substring(0, description.length() - 1) : description;
        for (String q : quotes) {
            String plain = q.endsWith("…") ? q.substring(0, q.length() - 1) : q;
            if (plain.equals(d) || plain.startsWith(d) || d.startsWith(plain)) {
                return true;
            }
        }
        return false;
    }

    /** The first bullet of the first {@code ## From} section left in {@code body}, or null. */
    private static String firstRemainingQuote(List<String> body) {
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i).startsWith(FROM_PREFIX)) {
                int[] b = Sections.bounds(body, body.get(i).stripTrailing());
                List<String> q = bullets(body.subList(b[0], b[1]));
                if (!q.isEmpty()) {
                    return q.get(0);
                }
            }
        }
        return null;
    }

    /** Python's {@code str.title()} for type names: "organization" → "Organization". */
    public static String titleCase(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean prevLetter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(prevLetter ? Character.toLowerCase(c) : Character.toUpperCase(c));
            prevLetter = Character.isLetter(c);
        }
        return b.toString();
    }

    /** Drops a leading frontmatter block (and the blank lines after it) from generated text. */
    public static String stripFrontmatter(String text) {
        return Frontmatter.split(text).map(b -> b.body().replaceFirst("^\n+", "")).orElse(text);
    }

    /** Collapses runs of whitespace (line breaks included) to single spaces and trims. */
    public static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    /** Sources listed on a {@code sources:} line of a page whose block does not close (OpenKB's recovery). */
    private static List<String> recoverSources(String text) {
        if (!text.startsWith("---")) {
            return List.of();
        }
        for (String line : text.split("\n")) {
            if (line.stripLeading().startsWith("sources:")) {
                Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\[\\]\\s\"][^,\\[\\]]*)")
                        .matcher(line.substring(line.indexOf(':') + 1));
                List<String> out = new ArrayList<>();
                while (m.find()) {
                    out.add((m.group(1) != null ? m.group(1) : m.group(2)).strip());
                }
                return out;
            }
        }
        return List.of();
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
