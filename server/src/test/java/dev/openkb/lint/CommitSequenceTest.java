package dev.openkb.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random commit sequences on a KB on disk, each announcing the paths it touched, as the language
 * server sees them: adds and removes of documents (summary, source, concepts, index.md entries,
 * raw file, registry entry), edits of index.md lines (briefs, mentions in other letter case,
 * dropped entries, broken links, a {@code \r} and its removal), concept pages coming and going
 * without index.md, sources/*.json, unregistered raw files, registry rewrites and a symbolic link in
 * raw/. index.md is updated per line ({@link IndexMd}) whenever it has no {@code \r}. After each, the snapshot updated from the touched paths
 * ({@link DiskChanges}, {@link Linter#update}) must equal one rebuilt from the whole KB, and the
 * files reported changed must be exactly those whose findings differ.
 */
class CommitSequenceTest {
    private static final String[] WORDS = {"attention", "memory", "graph", "Token", "layer", "gist-memory", "Σίσυφος",
        "retrieval", "x", "ai"};

    @TempDir
    Path root;
    private KbLayout layout;
    private Random rnd;
    private final Map<String, Map<String, String>> registry = new LinkedHashMap<>();
    private final Set<Path> touched = new LinkedHashSet<>();

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 2026})
    void snapshotUpdatedFromTouchedPathsEqualsAFullRebuildAfterEveryCommit(long seed) throws IOException {
        rnd = new Random(seed);
        layout = new KbLayout(root.resolve("kb-" + seed));
        for (String dir : List.of("raw", ".openkb", "wiki/sources", "wiki/summaries", "wiki/concepts", "wiki/entities")) {
            Files.createDirectories(layout.root().resolve(dir));
        }
        write(layout.indexMd(), "# Index\n\n## Documents\n\n## Concepts\n\n## Entities\n");
        writeRegistry();
        WikiIndex index = WikiIndex.build(layout);
        LintState state = Linter.lint(index);
        int perLine = 0;
        for (int step = 0; step < 150; step++) {
            touched.clear();
            String what = randomCommit();
            DiskChanges changes = DiskChanges.read(layout, touched, p -> false);
            WikiIndex after = changes.applyTo(index, layout);
            if (after.indexMd() != null && after.indexMd().deltaFrom(index.indexMd()) != null) {
                perLine++;
            }
            LintUpdate update = Linter.update(state, index, after, changes.texts().keySet());
            WikiIndex rebuilt = WikiIndex.build(layout);
            LintState full = Linter.lint(rebuilt);
            String where = "seed " + seed + " step " + step + " (" + what + ")";
            assertEquals(rebuilt.rawState(), after.rawState(), where + " raw state");
            assertEquals(rebuilt.page(WikiIndex.INDEX_PATH), after.page(WikiIndex.INDEX_PATH), where + " index.md parsed");
            assertEquals(rebuilt.indexLowerText(), after.indexLowerText(), where + " index.md lower-cased");
            for (WikiPage p : rebuilt.pages()) {
                assertEquals(rebuilt.backlinks(p.relPath()), after.backlinks(p.relPath()), where + " backlinks of " + p.relPath());
            }
            assertEquals(full.all(), update.state().all(), where);
            assertEquals(full.counts(), update.state().counts(), where);
            assertEquals(differingFiles(state, full), update.changedFiles(), where);
            index = after;
            state = update.state();
        }
        // the sequence must exercise index.md updated per line, not only its whole-file fallback
        assertTrue(perLine >= 30, "index.md updated per line in " + perLine + " of 150 commits");
    }

    private String randomCommit() throws IOException {
        int op = rnd.nextInt(100);
        List<String> docs = new ArrayList<>();
        registry.values().stream().filter(m -> m.get("doc_name") != null).forEach(m -> docs.add(m.get("doc_name")));
        if (op < 30 || docs.isEmpty()) {
            return addDocument();
        }
        String doc = docs.get(rnd.nextInt(docs.size()));
        if (op < 42) {
            return removeDocument(doc);
        }
        if (op < 70) {
            return editIndexLines();
        }
        if (op < 78) {
            Path json = layout.sourceJson(doc);
            if (Files.exists(json)) {
                delete(json);
            } else {
                write(json, "{}");
            }
            return "sources json " + doc;
        }
        if (op < 86) {
            List<String> unregistered = new ArrayList<>();
            try (var files = Files.list(layout.rawDir())) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted()
                        .filter(n -> registry.values().stream().noneMatch(m -> ("raw/" + n).equals(m.get("path"))))
                        .forEach(unregistered::add);
            }
            if (!unregistered.isEmpty() && rnd.nextBoolean()) {
                String name = unregistered.get(rnd.nextInt(unregistered.size()));
                // registered after the fact: only hashes.json is touched, the file resolves anew
                Map<String, String> meta = new LinkedHashMap<>();
                meta.put("name", name);
                meta.put("path", "raw/" + name);
                registry.put(String.format("%064x", rnd.nextLong() & Long.MAX_VALUE), meta);
                writeRegistry();
                return "register raw " + name;
            }
            Path raw = layout.rawDir().resolve(word() + "-" + rnd.nextInt(3) + ".txt");
            if (Files.exists(raw)) {
                delete(raw);
            } else {
                write(raw, "dropped");
            }
            return "unregistered raw " + raw.getFileName();
        }
        if (op < 90) {
            return pageOnly();
        }
        if (op < 97) { // a symbolic link in raw/ makes every raw update whole-state: kept rare
            Map<String, String> meta = registry.values().iterator().next();
            if (meta.containsKey("doc_name")) {
                meta.remove("doc_name"); // a legacy entry: the name's stem names the document
            } else {
                meta.put("doc_name", doc);
            }
            writeRegistry();
            return "registry entry " + meta;
        }
        Path link = layout.rawDir().resolve("link-" + doc + ".pdf");
        if (Files.isSymbolicLink(link)) {
            delete(link);
        } else {
            Files.createSymbolicLink(link, layout.rawDir().resolve(doc + ".pdf"));
            touched.add(link);
        }
        return "raw symlink " + doc;
    }

    private String addDocument() throws IOException {
        String doc = word().toLowerCase() + "-" + rnd.nextInt(20);
        write(layout.rawDir().resolve(doc + ".pdf"), "%PDF " + doc);
        boolean longDoc = rnd.nextInt(3) == 0; // only sources/<doc>.json stands for its raw file
        if (longDoc) {
            write(layout.sourceJson(doc), "{}");
        } else {
            write(layout.sourceMd(doc), "# " + doc + "\n");
        }
        List<String> concepts = new ArrayList<>();
        for (int i = rnd.nextInt(3); i > 0; i--) {
            String c = word() + (rnd.nextBoolean() ? "" : "-" + rnd.nextInt(4));
            concepts.add(c);
            write(layout.conceptsDir().resolve(c + ".md"), "---\ntype: Concept\ndescription: d\n---\n# " + c
                    + "\n\nSee [[summaries/" + doc + "]].\n");
        }
        StringBuilder summary = new StringBuilder("---\ntype: Summary\ndescription: d\n---\n# " + doc + "\n\n");
        concepts.forEach(c -> summary.append("- [[concepts/").append(c).append("]]\n"));
        if (!longDoc || rnd.nextBoolean()) {
            write(layout.summary(doc), summary.toString());
        }
        String index = read(layout.indexMd());
        if (rnd.nextInt(5) > 0) {
            index = insertAtTop(index, "## Documents", "- [[summaries/" + doc + "]] (pdf) — about " + word());
        }
        for (String c : concepts) {
            index = insertAtTop(index, "## Concepts", rnd.nextInt(2) == 0
                    ? "- mentions " + c.toUpperCase() + " in passing" : "- [[concepts/" + c + "]] — " + word());
        }
        write(layout.indexMd(), index);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("name", doc + ".pdf");
        meta.put("doc_name", doc);
        meta.put("path", "raw/" + doc + ".pdf");
        meta.put("raw_path", "raw/" + doc + ".pdf");
        registry.put(String.format("%064x", rnd.nextLong() & Long.MAX_VALUE), meta);
        writeRegistry();
        write(layout.logMd(), "# Log\n## ingest " + doc + "\n");
        return "add " + doc + " " + concepts;
    }

    private String removeDocument(String doc) throws IOException {
        for (Path p : List.of(layout.rawDir().resolve(doc + ".pdf"), layout.sourceMd(doc), layout.summary(doc),
                layout.sourceJson(doc))) {
            if (Files.exists(p)) {
                delete(p);
            }
        }
        List<String> lines = new ArrayList<>(List.of(read(layout.indexMd()).split("\n", -1)));
        lines.removeIf(l -> l.contains("[[summaries/" + doc + "]]"));
        write(layout.indexMd(), String.join("\n", lines));
        registry.values().removeIf(m -> doc.equals(m.get("doc_name")));
        writeRegistry();
        return "remove " + doc;
    }

    /** What an editor or a recompile does to index.md: briefs, mentions, dropped or broken entries. */
    private String editIndexLines() throws IOException {
        List<String> lines = new ArrayList<>(List.of(read(layout.indexMd()).split("\n", -1)));
        int at = 1 + rnd.nextInt(lines.size() - 1);
        String what;
        switch (rnd.nextInt(8)) {
            case 0 -> {
                what = "drop line " + lines.remove(at);
            }
            case 6 -> {
                List<String> mentions = lines.stream().filter(l -> !l.contains("[[") && l.startsWith("- ")).toList();
                what = mentions.isEmpty() ? "no mention to drop" : "drop mention " + mentions.get(0);
                lines.remove(mentions.isEmpty() ? "" : mentions.get(rnd.nextInt(mentions.size())));
            }
            case 1 -> {
                what = "brief of line " + at;
                lines.set(at, lines.get(at).replaceAll(" — .*", "") + " — now about " + word());
            }
            case 2 -> {
                what = "mention";
                lines.add(at, "See also " + (rnd.nextBoolean() ? word().toUpperCase() : word()) + ".");
            }
            case 3 -> {
                what = "broken link";
                lines.add(at, "- [[concepts/" + word() + "-gone]] and [[" + word() + "]]");
            }
            case 4 -> {
                what = "duplicate line " + at;
                lines.add(at, lines.get(at));
            }
            case 7 -> {
                what = "long line " + at; // its removal re-checks every listed page, not every substring
                lines.add(at, "- " + word().repeat(400));
            }
            default -> {
                // a \r makes index.md whole-file again (IndexMd has no lines); dropping it makes it per line
                if (lines.stream().anyMatch(l -> l.endsWith("\r"))) {
                    what = "line endings back to \\n";
                    lines.replaceAll(l -> l.replace("\r", ""));
                } else {
                    what = "line endings";
                    lines.set(at, lines.get(at) + "\r");
                }
            }
        }
        write(layout.indexMd(), String.join("\n", lines));
        return "index.md: " + what;
    }

    /**
     * A concept page comes or goes without index.md being touched: links of index.md to it (broken
     * ones are added by {@link #editIndexLines}) resolve or break, its mention is checked afresh.
     */
    private String pageOnly() throws IOException {
        String name = word() + (rnd.nextBoolean() ? "" : "-gone");
        Path page = layout.conceptsDir().resolve(name + ".md");
        if (Files.exists(page)) {
            delete(page);
            return "remove page " + name;
        }
        write(page, "---\ntype: Concept\ndescription: d\n---\n# " + name + "\n");
        return "add page " + name;
    }

    private static String insertAtTop(String index, String section, String entry) {
        int h = index.indexOf(section + "\n");
        if (h < 0) {
            return index + "\n" + section + "\n" + entry + "\n";
        }
        int after = h + section.length() + 1;
        return index.substring(0, after) + entry + "\n" + index.substring(after);
    }

    private String word() {
        return WORDS[rnd.nextInt(WORDS.length)];
    }

    private void writeRegistry() throws IOException {
        StringBuilder b = new StringBuilder("{");
        registry.forEach((hash, meta) -> {
            b.append(b.length() > 1 ? ",\n" : "\n").append("  \"").append(hash).append("\": {");
            List<String> fields = new ArrayList<>();
            meta.forEach((k, v) -> fields.add("\"" + k + "\": \"" + v + "\""));
            b.append(String.join(", ", fields)).append(", \"pages\": [1, {\"path\": \"not this\"}]}");
        });
        write(layout.hashes(), b.append("\n}\n").toString());
    }

    private static Set<String> differingFiles(LintState a, LintState b) {
        Set<String> files = new HashSet<>(a.files());
        files.addAll(b.files());
        files.removeIf(f -> a.findings(f).equals(b.findings(f)));
        return files;
    }

    private void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.write(p, text.getBytes(StandardCharsets.UTF_8));
        touched.add(p);
    }

    private void delete(Path p) throws IOException {
        Files.delete(p);
        touched.add(p);
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
