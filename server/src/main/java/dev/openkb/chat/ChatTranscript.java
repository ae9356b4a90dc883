package dev.openkb.chat;

import dev.openkb.engine.CancelToken;
import dev.openkb.journal.MutationExecutor;
import dev.openkb.kb.KbLayout;
import dev.openkb.wiki.GhostLinks;
import dev.openkb.wiki.KnownTargets;
import dev.openkb.wiki.PyJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code /save [name]} in {@code openkb chat}: the session's questions and answers as
 * {@code wiki/explorations/<slug>-<YYYYMMDD>.md}, in OpenKB's layout (front matter {@code session},
 * {@code model}, {@code created}; a heading; one {@code ## [n] question} section per turn). Unlike OpenKB,
 * which writes the file in place without the lock, it is one journaled transaction under the KB's exclusive
 * lock, and front-matter values are JSON-quoted so any question stays valid YAML. Links in the answers to pages
 * that do not exist are turned into plain text (OpenKB's ghost-link rule, whose whitelist is widened to the
 * source and exploration pages answers cite). Stateless.
 */
public final class ChatTranscript {
    private static final int SLUG_CHARS = 60;

    private ChatTranscript() {
    }

    /** Writes the transcript; returns the file. Saving the same session again on the same day replaces it. */
    public static Path save(KbLayout layout, MutationExecutor executor, ChatSession session, String name, CancelToken cancel) {
        Path file = layout.explorationsDir().resolve(fileName(session, name));
        return executor.call(cancel, r -> r.run("chat_save", Map.of("session", session.id()), tx -> {
            tx.createDirectories(layout.explorationsDir());
            tx.writeString(file, text(session, knownPages(layout)));
            return file;
        }));
    }

    /**
     * The pages a link in an answer may keep: OpenKB's whitelist (concepts, summaries, entities, index) plus the
     * source and exploration pages that exist, which answers cite (as {@code query --save} keeps them).
     */
    static Set<String> knownPages(KbLayout layout) throws IOException {
        Set<String> known = new HashSet<>(KnownTargets.list(layout));
        addStems(known, layout.sourcesDir(), "sources/", ".md", ".json");
        addStems(known, layout.explorationsDir(), "explorations/", ".md");
        return known;
    }

    private static void addStems(Set<String> into, Path dir, String prefix, String... exts) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
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

    /** {@code <slug>-<YYYYMMDD>.md}: the slug of the name, else the title, else the first question, else the id. */
    static String fileName(ChatSession session, String name) {
        String base = name != null && !name.isBlank() ? name
                : !session.title().isEmpty() ? session.title()
                : !session.userTurns().isEmpty() ? session.userTurns().get(0) : session.id();
        String slug = slug(base);
        if (slug.isEmpty()) {
            slug = session.id(); // a plain name: ChatStore ids are checked
        }
        String created = session.createdAt();
        String date = created.length() >= 10 && created.substring(0, 10).matches("\\d{4}-\\d{2}-\\d{2}")
                ? created.substring(0, 10).replace("-", "") : "undated";
        return slug + "-" + date + ".md";
    }

    /** OpenKB's slug: lower case, runs of other characters than a-z and 0-9 to {@code -}, trimmed, cut to 60. */
    static String slug(String s) {
        String slug = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() <= SLUG_CHARS ? slug : slug.substring(0, SLUG_CHARS);
    }

    static String text(ChatSession session, Set<String> knownPages) {
        StringBuilder out = new StringBuilder();
        out.append("---\n");
        out.append("session: ").append(PyJson.dumps(session.id())).append('\n');
        out.append("model: ").append(PyJson.dumps(session.model())).append('\n');
        out.append("created: ").append(PyJson.dumps(session.createdAt())).append('\n');
        out.append("---\n\n");
        out.append("# Chat transcript — ").append(oneLine(session.title().isEmpty() ? session.id() : session.title())).append("\n\n");
        int turns = Math.min(session.userTurns().size(), session.assistantTexts().size());
        for (int i = 0; i < turns; i++) {
            out.append("## [").append(i + 1).append("] ").append(oneLine(session.userTurns().get(i))).append("\n\n");
            String answer = session.assistantTexts().get(i).strip();
            out.append(answer.isEmpty() ? "_(no response recorded)_" : GhostLinks.strip(answer, knownPages).text()).append("\n\n");
        }
        return out.toString();
    }

    /** A question on one line, so it cannot end its heading early or start another. */
    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }
}
