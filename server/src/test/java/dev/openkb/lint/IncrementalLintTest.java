package dev.openkb.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random edits (add, remove, rename pages; add and remove links; break frontmatter; edit or delete
 * index.md; change raw/) applied one step at a time: after each, the incremental lint must equal a
 * full lint of an index rebuilt from scratch, and the reported changed files must be exactly the
 * files whose findings differ.
 */
class IncrementalLintTest {
    private static final String[] DIRS = {"summaries", "concepts", "entities", "explorations", "reports", "sources", ""};
    private static final String[] STEMS = {"attention", "paper", "gist-memory", "foo", "bar", "x", "ai-agents", "index"};

    private final Map<String, String> texts = new TreeMap<>();
    private RawState raw = RawState.EMPTY;
    private Random rnd;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void incrementalLintEqualsFullLintAfterEveryRandomEdit(long seed) {
        rnd = new Random(seed);
        texts.clear();
        raw = RawState.EMPTY;
        WikiIndex index = WikiIndex.empty();
        LintState state = Linter.lint(index);
        for (int step = 0; step < 400; step++) {
            WikiIndex before = index;
            List<String> changed = new ArrayList<>();
            String what = randomEdit(changed);
            for (String rel : changed) {
                String text = texts.get(rel);
                index = text == null ? index.withoutPage(rel) : index.withPage(rel, text);
            }
            index = index.withRawState(raw);
            LintUpdate update = Linter.update(state, before, index, changed);
            LintState full = Linter.lint(rebuilt());
            String where = "seed " + seed + " step " + step + " (" + what + " " + changed + ")";
            assertEquals(full.all(), update.state().all(), where);
            assertEquals(full.counts(), update.state().counts(), where);
            assertEquals(differingFiles(state, full), update.changedFiles(), where);
            assertBacklinksMatch(index, rebuilt(), where);
            state = update.state();
        }
    }

    private WikiIndex rebuilt() {
        List<WikiPage> pages = new ArrayList<>();
        texts.forEach((rel, text) -> pages.add(PageParser.parse(rel, text)));
        return WikiIndex.of(pages, texts.get(WikiIndex.INDEX_PATH), raw);
    }

    private static Set<String> differingFiles(LintState a, LintState b) {
        Set<String> files = new HashSet<>(a.files());
        files.addAll(b.files());
        files.removeIf(f -> a.findings(f).equals(b.findings(f)));
        return files;
    }

    private void assertBacklinksMatch(WikiIndex incremental, WikiIndex fresh, String where) {
        for (String rel : texts.keySet()) {
            assertEquals(fresh.backlinks(rel).stream().map(WikiPage::relPath).toList(),
                    incremental.backlinks(rel).stream().map(WikiPage::relPath).toList(), where + " backlinks of " + rel);
        }
    }

    private String randomEdit(List<String> changed) {
        int op = rnd.nextInt(100);
        List<String> existing = new ArrayList<>(texts.keySet());
        if (op < 30 || existing.size() < 3) {
            String rel = randomPath();
            texts.put(rel, randomPage(rel));
            changed.add(rel);
            return "add";
        }
        String victim = existing.get(rnd.nextInt(existing.size()));
        if (op < 42) {
            texts.remove(victim);
            changed.add(victim);
            return "remove";
        }
        if (op < 52) {
            String to = randomPath();
            String text = texts.remove(victim);
            texts.put(to, text);
            changed.add(victim);
            if (!to.equals(victim)) {
                changed.add(to);
            }
            return "rename";
        }
        if (op < 72) {
            String text = texts.get(victim);
            texts.put(victim, rnd.nextBoolean() ? text + " " + randomLink() : text.replaceFirst("\\[\\[[^\\]]*\\]\\]", ""));
            changed.add(victim);
            return "link edit";
        }
        if (op < 80) {
            texts.put(victim, randomFrontmatter() + "body " + (rnd.nextBoolean() ? randomLink() : ""));
            changed.add(victim);
            return "frontmatter";
        }
        if (op < 93) {
            if (rnd.nextInt(6) == 0) {
                texts.remove(WikiIndex.INDEX_PATH);
            } else {
                texts.put(WikiIndex.INDEX_PATH, randomIndex());
            }
            changed.add(WikiIndex.INDEX_PATH);
            return "index";
        }
        raw = randomRaw();
        return "raw";
    }

    private String randomPath() {
        String dir = DIRS[rnd.nextInt(DIRS.length)];
        String stem = variant(STEMS[rnd.nextInt(STEMS.length)]);
        if (rnd.nextInt(10) == 0) {
            return "wiki/concepts/sub/" + stem + ".md";
        }
        return "wiki/" + (dir.isEmpty() ? "" : dir + "/") + stem + ".md";
    }

    /** Mostly the stem itself, sometimes a spelling that only matches under normalisation. */
    private String variant(String stem) {
        return switch (rnd.nextInt(8)) {
            case 0 -> stem.toUpperCase();
            case 1 -> stem.replace('-', '_');
            default -> stem;
        };
    }

    private String randomLink() {
        String dir = DIRS[rnd.nextInt(DIRS.length)];
        String target = variant(STEMS[rnd.nextInt(STEMS.length)]);
        if (!dir.isEmpty() && rnd.nextInt(3) > 0) {
            target = dir + "/" + target;
        }
        return switch (rnd.nextInt(6)) {
            case 0 -> "[[" + target + "|alias]]";
            case 1 -> "[[" + target + "#Heading]]";
            case 2 -> "[[#Local]]";
            default -> "[[" + target + "]]";
        };
    }

    private String randomFrontmatter() {
        return switch (rnd.nextInt(5)) {
            case 0 -> "";
            case 1 -> "---\ntype: \"Concept\"\ndescription: \"d\"\n---\n";
            case 2 -> "---\ntype: \"Concept\"\n---\n";
            case 3 -> "---\ntype: \"Concept\"\nbrief: a: b\n---\n";
            default -> "---\ndescription: \"\"\n---\n";
        };
    }

    private String randomPage(String rel) {
        StringBuilder b = new StringBuilder(randomFrontmatter()).append("# ").append(rel).append('\n');
        int links = rnd.nextInt(4);
        for (int i = 0; i < links; i++) {
            b.append("see ").append(randomLink()).append(i % 2 == 0 ? "\r\n" : " ");
        }
        return b.toString();
    }

    private String randomIndex() {
        StringBuilder b = new StringBuilder("# Index\n\n## Documents\n");
        int n = rnd.nextInt(6);
        for (int i = 0; i < n; i++) {
            b.append("- ").append(rnd.nextInt(4) == 0 ? "mentions " + STEMS[rnd.nextInt(STEMS.length)] : randomLink()).append('\n');
        }
        return b.append("\n## Concepts\n").toString();
    }

    private RawState randomRaw() {
        List<RawFile> files = new ArrayList<>();
        Map<String, Boolean> used = new HashMap<>();
        int n = rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            String stem = STEMS[rnd.nextInt(STEMS.length)];
            String name = stem + "-" + i + ".pdf";
            boolean registered = rnd.nextBoolean();
            used.put(name, registered);
            files.add(new RawFile(name, registered ? stem : stem + "-" + i, registered));
        }
        Set<String> json = rnd.nextBoolean() ? Set.of(STEMS[rnd.nextInt(STEMS.length)]) : Set.of();
        return new RawState(files, json);
    }
}
