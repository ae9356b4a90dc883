package dev.openkb.lint;

import dev.openkb.kb.KbLayout;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a set of changed files (a commit's touched paths, or a file watcher's events) means for a
 * {@link WikiIndex}: the new text of each wiki page among them (null for a page that is gone), and
 * whether the raw state ({@code raw/}, {@code hashes.json}, {@code sources/*.json}) must be read again.
 * Reads only those pages, so applying it costs what the change touched, not the size of the KB.
 * Immutable.
 *
 * @param texts      KB-relative page path → its text on disk, or null when it no longer exists
 * @param rawChanged whether a file of the raw state is among the changes
 */
public record DiskChanges(Map<String, String> texts, boolean rawChanged) {
    /**
     * Reads the pages among {@code files} (paths outside the KB are ignored), except those
     * {@code skip} says to leave alone (a page open in an editor: its buffer wins over the disk).
     */
    public static DiskChanges read(KbLayout layout, Collection<Path> files, Predicate<Path> skip) {
        Map<String, String> texts = new HashMap<>();
        boolean raw = false;
        for (Path f : files) {
            if (!layout.contains(f)) {
                continue;
            }
            String rel = layout.relative(f);
            raw |= rel.startsWith("raw/") || f.equals(layout.hashes())
                    || (rel.startsWith("wiki/sources/") && rel.endsWith(".json"));
            if (PageScope.isWikiPage(rel) && !skip.test(f)) {
                texts.put(rel, WikiIndexLoader.read(f));
            }
        }
        return new DiskChanges(texts, raw);
    }

    public boolean isEmpty() {
        return texts.isEmpty() && !rawChanged;
    }

    /** {@code index} with these changes laid over it. */
    public WikiIndex applyTo(WikiIndex index, KbLayout layout) {
        WikiIndex after = index;
        for (Map.Entry<String, String> e : texts.entrySet()) {
            after = e.getValue() == null ? after.withoutPage(e.getKey()) : after.withPage(e.getKey(), e.getValue());
        }
        return rawChanged ? after.withRawState(RawStateLoader.load(layout)) : after;
    }
}
