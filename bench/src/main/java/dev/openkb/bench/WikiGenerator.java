package dev.openkb.bench;

import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes an OpenKB-shaped KB for benchmarks: summaries (with sources/ and raw/ and a registry
 * entry), concepts and entities with JSON-quoted frontmatter, linked bodies, and an index.md in
 * OpenKB's four-section layout. Deterministic for a given {@link Random}. Stateless.
 */
final class WikiGenerator {
    private static final String[] WORDS = ("attention transformer memory retrieval graph embedding token layer model "
            + "training inference dataset benchmark agent planning reasoning vector index search query answer").split(" ");

    private WikiGenerator() {
    }

    /** Generates {@code n} knowledge pages; returns their keys ("concepts/c-12"...). */
    static List<String> generate(KbLayout layout, int n, Random rnd) throws IOException {
        int summaries = n / 10;
        int concepts = n * 6 / 10;
        int entities = n - summaries - concepts;
        List<String> keys = new ArrayList<>(n);
        for (int i = 0; i < summaries; i++) {
            keys.add("summaries/doc-" + i);
        }
        for (int i = 0; i < concepts; i++) {
            keys.add("concepts/" + WORDS[i % WORDS.length] + "-" + i);
        }
        for (int i = 0; i < entities; i++) {
            keys.add("entities/entity-" + i);
        }
        for (String dir : List.of("raw", ".openkb", "wiki/sources", "wiki/summaries", "wiki/concepts", "wiki/entities")) {
            Files.createDirectories(layout.root().resolve(dir));
        }
        StringBuilder registry = new StringBuilder("{\n");
        StringBuilder docs = new StringBuilder();
        StringBuilder conceptIndex = new StringBuilder();
        StringBuilder entityIndex = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            String type = key.startsWith("summaries/") ? "Summary" : key.startsWith("concepts/") ? "Concept" : "Organization";
            write(layout.wikiDir().resolve(key + ".md"), page(key, type, keys, rnd));
            boolean listed = rnd.nextInt(50) != 0;
            String brief = " — " + sentence(rnd, 8);
            if (key.startsWith("summaries/")) {
                String doc = key.substring("summaries/".length());
                write(layout.sourceMd(doc), "# " + doc + "\n\n" + sentence(rnd, 400) + "\n");
                write(layout.rawDir().resolve(doc + ".pdf"), "%PDF-1.4 bench\n");
                registry.append(registry.length() > 2 ? ",\n" : "").append("  \"").append(String.format("%064x", i))
                        .append("\": {\"name\": \"").append(doc).append(".pdf\", \"doc_name\": \"").append(doc)
                        .append("\", \"type\": \"pdf\", \"path\": \"raw/").append(doc).append(".pdf\", \"raw_path\": \"raw/")
                        .append(doc).append(".pdf\", \"source_path\": \"wiki/sources/").append(doc).append(".md\"}");
                if (listed) {
                    docs.append("- [[").append(key).append("]] (short)").append(brief).append('\n');
                }
            } else if (listed) {
                (key.startsWith("concepts/") ? conceptIndex : entityIndex).append("- [[").append(key).append("]]")
                        .append(key.startsWith("entities/") ? " (organization)" : "").append(brief).append('\n');
            }
        }
        write(layout.hashes(), registry.append("\n}\n").toString());
        write(layout.indexMd(), "# Knowledge Base Index\n\n## Documents\n" + docs + "\n## Concepts\n" + conceptIndex
                + "\n## Entities\n" + entityIndex + "\n## Explorations\n");
        write(layout.logMd(), "# Operations Log\n\n");
        write(layout.agentsMd(), "# Wiki schema\n\nUse [[wikilinks]].\n");
        return keys;
    }

    private static String page(String key, String type, List<String> keys, Random rnd) {
        StringBuilder b = new StringBuilder("---\n");
        if (!type.equals("Summary")) {
            b.append("sources: [\"summaries/doc-").append(rnd.nextInt(Math.max(1, keys.size() / 10))).append(".md\"]\n");
        }
        b.append("type: \"").append(type).append("\"\ndescription: \"").append(sentence(rnd, 10)).append("\"\n");
        if (type.equals("Summary")) {
            b.append("doc_type: short\nfull_text: \"sources/").append(key.substring(10)).append(".md\"\n");
        }
        b.append("---\n\n# ").append(key.substring(key.indexOf('/') + 1)).append("\n\n");
        int links = 8 + rnd.nextInt(9);
        for (int p = 0; p < 6; p++) {
            b.append("## Section ").append(p).append("\n\n").append(sentence(rnd, 45));
            for (int l = p; l < links; l += 6) {
                String target = keys.get(rnd.nextInt(keys.size()));
                if (rnd.nextInt(100) == 0) {
                    target = "concepts/missing-" + rnd.nextInt(1000);
                }
                b.append(" see [[").append(target).append(rnd.nextInt(5) == 0 ? "|" + sentence(rnd, 2) : "").append("]]");
            }
            b.append(".\n\n");
        }
        return b.toString();
    }

    private static String sentence(Random rnd, int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append(i == 0 ? "" : " ").append(WORDS[rnd.nextInt(WORDS.length)]);
        }
        return b.toString();
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path p, String text) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
