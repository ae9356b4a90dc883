package dev.openkb.compile.pages;

import dev.openkb.kb.KbLayout;
import dev.openkb.wiki.Slugs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a compile needs to know about the pages already in the wiki: their paths and slugs, the
 * whitelist of link targets, and the one-line briefs the LLM plan step shows. Reads the live KB;
 * stateless.
 */
public final class WikiState {
    private WikiState() {
    }

    public static Path path(KbLayout layout, PageKind kind, String slug) {
        return kind == PageKind.CONCEPT ? layout.concept(slug) : layout.entity(slug);
    }

    /**
     * The slug for a subject name: the lower-case slug, unless a page an older OpenKB wrote under its
     * case-keeping slug exists, which is then updated instead of getting a lower-case twin.
     */
    public static String slug(KbLayout layout, PageKind kind, String name) {
        String keepCase = Slugs.conceptPreservingCase(name);
        return Files.isRegularFile(path(layout, kind, keepCase)) ? keepCase : Slugs.concept(name);
    }

    /** The stems of {@code dir/*.md}, sorted. */
    static List<String> stems(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.md")) {
                for (Path p : ds) {
                    String n = p.getFileName().toString();
                    out.add(n.substring(0, n.length() - 3));
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** OpenKB's whitelist of existing targets: every summary, concept and entity page, and {@code index}. */
    public static Set<String> existingTargets(KbLayout layout) throws IOException {
        Set<String> out = new TreeSet<>();
        out.add("index");
        for (String s : stems(layout.summariesDir())) {
            out.add("summaries/" + s);
        }
        for (PageKind kind : PageKind.values()) {
            for (String s : stems(kind == PageKind.CONCEPT ? layout.conceptsDir() : layout.entitiesDir())) {
                out.add(kind.target(s));
            }
        }
        return out;
    }

    /** {@code - <slug>: <brief>} per concept page, or "(none yet)". */
    public static String conceptBriefs(KbLayout layout) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String slug : stems(layout.conceptsDir())) {
            String brief = brief(read(layout.concept(slug)));
            if (!brief.isEmpty()) {
                lines.add("- " + slug + ": " + brief);
            }
        }
        return lines.isEmpty() ? "(none yet)" : String.join("\n", lines);
    }

    /** {@code - <slug> (<type>, <n> sources) — <brief>} per entity page, or "(none yet)". */
    public static String entityBriefs(KbLayout layout) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String slug : stems(layout.entitiesDir())) {
            String text = read(layout.entity(slug));
            Object type = FrontmatterLines.of(text).map(f -> f.value("type")).orElse(null);
            String t = type instanceof String s && !s.isBlank() ? s.strip().toLowerCase(java.util.Locale.ROOT) : "other";
            String brief = brief(text);
            lines.add("- " + slug + " (" + t + ", " + PageWriter.sources(text).size() + " sources)"
                    + (brief.isEmpty() ? "" : " — " + brief));
        }
        return lines.isEmpty() ? "(none yet)" : String.join("\n", lines);
    }

    private static String brief(String text) {
        String d = PageWriter.description(text);
        if (!d.isEmpty()) {
            return d;
        }
        String body = PageWriter.body(text).strip().replace('\n', ' ');
        return body.length() > 150 ? body.substring(0, 150) : body;
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
