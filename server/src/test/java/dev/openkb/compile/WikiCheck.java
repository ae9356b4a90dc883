package dev.openkb.compile;

import dev.openkb.kb.KbLayout;
import dev.openkb.wiki.Frontmatter;
import dev.openkb.wiki.FrontmatterBlock;
import dev.openkb.wiki.WikiLink;
import dev.openkb.wiki.WikiLinks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A tiny structural lint for tests (the real one lives elsewhere): broken wikilinks, missing OKF
 * fields on summaries/concepts/entities, and pages index.md does not mention.
 */
public final class WikiCheck {
    private WikiCheck() {
    }

    public static List<String> problems(KbLayout kb) throws IOException {
        Path wiki = kb.wikiDir();
        Map<String, Path> pages = new HashMap<>();
        try (Stream<Path> s = Files.walk(wiki)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".md")).toList()) {
                String rel = wiki.relativize(p).toString().replace('\\', '/');
                pages.put(rel.substring(0, rel.length() - 3), p);
                String name = p.getFileName().toString();
                pages.put(name.substring(0, name.length() - 3), p);
            }
        }
        List<String> out = new ArrayList<>();
        String index = Files.readString(kb.indexMd(), StandardCharsets.UTF_8);
        for (Map.Entry<String, Path> e : pages.entrySet()) {
            String rel = e.getKey();
            if (!rel.contains("/") && !rel.equals("index") || rel.startsWith("sources/") || rel.startsWith("reports/")) {
                continue;
            }
            String text = Files.readString(e.getValue(), StandardCharsets.UTF_8);
            for (WikiLink l : WikiLinks.parse(text)) {
                if (!pages.containsKey(l.lookupKey())) {
                    out.add("broken link [[" + l.target() + "]] in " + rel);
                }
            }
            if (rel.startsWith("summaries/") || rel.startsWith("concepts/") || rel.startsWith("entities/")) {
                Optional<FrontmatterBlock> fm = Frontmatter.split(text);
                Map<String, Object> fields = fm.isPresent() ? parse(fm.get()) : Map.of();
                for (String key : List.of("type", "description")) {
                    if (!(fields.get(key) instanceof String v) || v.isBlank()) {
                        out.add(rel + ": missing " + key);
                    }
                }
                if (!index.contains("[[" + rel + "]]")) {
                    out.add(rel + " not in index.md");
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static Map<String, Object> parse(FrontmatterBlock b) {
        try {
            return b.parse();
        } catch (Exception e) {
            return Map.of();
        }
    }
}
