package dev.openkb.lint;

import dev.openkb.kb.KbLayout;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a set of changed files (a commit's touched paths, or a file watcher's events) means for a
 * {@link WikiIndex}: the new text of each wiki page among them (null for a page that is gone), and
 * which of the raw state's files ({@code raw/}, {@code hashes.json}, {@code sources/*.json}) changed.
 * Reads only those pages and files ({@link RawStateLoader#update}), so applying it costs what the
 * change touched, not the size of the KB. Immutable.
 *
 * @param texts    KB-relative page path → its text on disk, or null when it no longer exists
 * @param rawPaths KB-relative paths among the changes that belong to the raw state
 */
public record DiskChanges(Map<String, String> texts, Set<String> rawPaths) {
    public DiskChanges {
        rawPaths = Set.copyOf(rawPaths);
    }

    /** Page texts only (an editor's buffers): nothing of the raw state changed. */
    public static DiskChanges pages(Map<String, String> texts) {
        return new DiskChanges(texts, Set.of());
    }

    /**
     * Reads the pages among {@code files} (paths outside the KB are ignored), except those
     * {@code skip} says to leave alone (a page open in an editor: its buffer wins over the disk).
     */
    public static DiskChanges read(KbLayout layout, Collection<Path> files, Predicate<Path> skip) {
        Map<String, String> texts = new HashMap<>();
        Set<String> raw = new HashSet<>();
        for (Path f : files) {
            if (!layout.contains(f)) {
                continue;
            }
            String rel = layout.relative(f);
            if (rel.equals("raw") || rel.startsWith("raw/") || rel.equals("wiki/sources") || f.equals(layout.hashes())
                    || (rel.startsWith("wiki/sources/") && rel.endsWith(".json"))) {
                raw.add(rel);
            }
            if (PageScope.isWikiPage(rel) && !skip.test(f)) {
                texts.put(rel, WikiIndexLoader.read(f));
            }
        }
        return new DiskChanges(texts, raw);
    }

    public boolean isEmpty() {
        return texts.isEmpty() && rawPaths.isEmpty();
    }

    /** {@code index} with these changes laid over it. */
    public WikiIndex applyTo(WikiIndex index, KbLayout layout) {
        WikiIndex after = index;
        for (Map.Entry<String, String> e : texts.entrySet()) {
            after = e.getValue() == null ? after.withoutPage(e.getKey()) : after.withPage(e.getKey(), e.getValue());
        }
        return rawPaths.isEmpty() ? after : after.withRawState(RawStateLoader.update(index.rawState(), layout, rawPaths));
    }
}
