package dev.openkb.query;

import dev.openkb.compile.IndexMd;
import dev.openkb.engine.VisibleText;
import dev.openkb.journal.KbTransaction;
import dev.openkb.kb.KbLayout;
import dev.openkb.wiki.GhostLinks;
import dev.openkb.wiki.KnownTargets;
import dev.openkb.wiki.PyJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@code query --save}: the answer as {@code wiki/explorations/<slug>.md}, OpenKB's format
 * ({@code ---\nquery: "<question>"\n---\n\n<answer>\n}), written through the caller's transaction
 * and listed under {@code ## Explorations} in index.md. Differences from OpenKB: the question is
 * JSON-quoted (OpenKB writes {@code "..."} around it raw, so a question with a quote breaks the
 * YAML); links to existing source and exploration pages are kept (OpenKB's whitelist has only
 * summaries, concepts and entities, so it would demote the offline answer's own citations); a
 * question with no ASCII letter or digit (OpenKB: {@code explorations/.md}) gets
 * {@code query-<hash>}; and the page is listed in index.md. Stateless.
 */
public final class Explorations {
    static final int MAX_SLUG = 60;
    static final int MAX_INDEX_QUESTION = 120;

    private Explorations() {
    }

    /** OpenKB's slug: lowercased, runs of {@code [^a-z0-9]} to {@code -}, trimmed of {@code -}, then at most 60 characters. */
    public static String slug(String question) {
        String s = question.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        s = s.replaceAll("^-+|-+$", "");
        if (s.length() > MAX_SLUG) {
            s = s.substring(0, MAX_SLUG);
        }
        return s.isEmpty() ? "query-" + shortHash(question) : s;
    }

    public static String page(String question, String answer) {
        return "---\nquery: " + PyJson.dumps(question) + "\n---\n\n" + answer.strip() + "\n";
    }

    /** Writes the exploration and its index entry through {@code tx}; returns the page written. */
    public static Path save(KbTransaction tx, KbLayout layout, String question, String answer, Consumer<String> warnings)
            throws IOException {
        String slug = slug(question);
        Set<String> known = KnownTargets.list(layout);
        addStems(known, layout.sourcesDir(), "sources/", ".md", ".json");
        addStems(known, layout.explorationsDir(), "explorations/", ".md");
        known.add("explorations/" + slug);
        String body = GhostLinks.strip(answer, known).text();
        Path target = layout.explorationsDir().resolve(slug + ".md");
        tx.writeString(target, page(question, body));
        String index = Files.exists(layout.indexMd()) ? Files.readString(layout.indexMd(), StandardCharsets.UTF_8) : null;
        String brief = VisibleText.escape(question.replaceAll("\\s+", " ").strip());
        if (brief.length() > MAX_INDEX_QUESTION) {
            brief = brief.substring(0, MAX_INDEX_QUESTION) + "…";
        }
        tx.writeString(layout.indexMd(), IndexMd.putExploration(IndexMd.orSeed(index), slug, brief, warnings));
        return target;
    }

    private static void addStems(Set<String> into, Path dir, String prefix, String... exts) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String n = p.getFileName().toString();
                for (String ext : exts) {
                    if (n.endsWith(ext) && n.length() > ext.length()) {
                        into.add(prefix + n.substring(0, n.length() - ext.length()));
                    }
                }
            }
        }
    }

    private static String shortHash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }
}
