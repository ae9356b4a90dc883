package dev.openkb.lint;

import dev.openkb.wiki.Targets;
import dev.openkb.wiki.WikiLink;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Structural lint of a {@link WikiIndex}: in full, or incrementally between two snapshots.
 *
 * <p>Every finding belongs to one file and is a pure function of the snapshot ({@link FileLint}).
 * An incremental update recomputes the findings of the files that can be affected by the changed
 * pages, a superset of those that are:
 * <ul>
 * <li>the changed page itself (its links, frontmatter, OKF fields, orphan status);</li>
 * <li>the pages that links it gained or lost resolve to, before and after, when it is an orphan
 *     candidate (their incoming links, hence orphan status, may have changed);</li>
 * <li>when a page appeared or disappeared: the pages whose links use its key or stem under
 *     normalisation (their links may now resolve, break, become ambiguous or get another repair
 *     candidate), the pages those keys resolved to before and after, index.md (its links, and
 *     whether the changed pages are mentioned: the others keep their mention status unless
 *     index.md itself changed), and the raw files named by a sources/ or summaries/ page's stem;</li>
 * <li>the raw files that came, went or resolve to another document, and those of a document whose
 *     sources/*.json came or went, when the {@link RawState} changed ({@link RawState#changedSince}).</li>
 * </ul>
 * Stateless.
 */
public final class Linter {
    private Linter() {
    }

    /** Lints every file of the snapshot. */
    public static LintState lint(WikiIndex index) {
        Map<String, List<LintFinding>> all = new HashMap<>();
        for (WikiPage page : index.pages()) {
            all.put(page.relPath(), FileLint.forPath(index, page.relPath()));
        }
        all.put(WikiIndex.INDEX_PATH, FileLint.forPath(index, WikiIndex.INDEX_PATH));
        for (RawFile f : index.rawState().files()) {
            all.put(RawChecks.pathOf(f), FileLint.forRaw(index, f));
        }
        return LintState.of(all);
    }

    /**
     * Re-lints after {@code changedPages} (KB-relative wiki page paths, added, edited or removed)
     * turned {@code before} into {@code after}; {@code previous} must be the lint of {@code before}.
     * A change of {@link WikiIndex#rawState()} between the two is picked up without being listed.
     */
    public static LintUpdate update(LintState previous, WikiIndex before, WikiIndex after,
            Collection<String> changedPages) {
        for (String rel : changedPages) {
            if (!PageScope.isWikiPage(rel)) {
                throw new IllegalArgumentException("not a wiki page path (raw/ changes come with the RawState): " + rel);
            }
        }
        Set<String> dirty = new HashSet<>();
        Map<String, RawFile> dirtyRaw = new HashMap<>();
        for (String rel : changedPages) {
            addDirtyFor(rel, before, after, dirty, dirtyRaw);
        }
        after.rawState().changedSince(before.rawState()).forEach((name, f) -> {
            if (f == null) {
                dirty.add("raw/" + name); // gone: its findings go with it
            } else {
                dirtyRaw.put(RawChecks.pathOf(f), f);
            }
        });
        LintState state = previous;
        Set<String> changed = new HashSet<>();
        boolean indexKept = before.page(WikiIndex.INDEX_PATH).isPresent() && after.page(WikiIndex.INDEX_PATH).isPresent();
        boolean indexEdited = changedPages.contains(WikiIndex.INDEX_PATH);
        for (String path : dirty) {
            if (dirtyRaw.containsKey(path)) {
                continue;
            }
            List<LintFinding> findings;
            if (!path.equals(WikiIndex.INDEX_PATH) || !indexKept) {
                findings = FileLint.forPath(after, path);
            } else if (indexEdited) {
                findings = FileLint.forIndexAfterEdit(before, after, previous.findings(path), changedPages);
            } else {
                findings = FileLint.forIndexAfterPageChanges(before, after, previous.findings(path), changedPages);
            }
            state = replace(state, path, findings, changed);
        }
        for (Map.Entry<String, RawFile> e : dirtyRaw.entrySet()) {
            state = replace(state, e.getKey(), FileLint.forRaw(after, e.getValue()), changed);
        }
        return new LintUpdate(state, changed);
    }

    private static LintState replace(LintState state, String path, List<LintFinding> findings, Set<String> changed) {
        if (state.findings(path).equals(findings)) {
            return state;
        }
        changed.add(path);
        return state.with(path, findings);
    }

    private static void addDirtyFor(String rel, WikiIndex before, WikiIndex after, Set<String> dirty,
            Map<String, RawFile> dirtyRaw) {
        dirty.add(rel);
        WikiPage old = before.page(rel).orElse(null);
        WikiPage now = after.page(rel).orElse(null);
        if (PageScope.isOrphanCandidate(PageScope.keyOf(rel))) {
            addChangedLinkTargets(old, now, before, after, dirty);
        }
        if (rel.equals(WikiIndex.INDEX_PATH)) {
            dirty.add(WikiIndex.INDEX_PATH);
        }
        if ((old == null) == (now == null)) {
            return;
        }
        dirty.add(WikiIndex.INDEX_PATH);
        String key = PageScope.keyOf(rel);
        String stem = PageScope.stemOf(key);
        for (String k : key.equals(stem) ? List.of(key) : List.of(key, stem)) {
            addResolved(before.resolveKey(k), dirty);
            addResolved(after.resolveKey(k), dirty);
            String norm = Targets.normalize(k);
            before.referrers(norm).forEach(source -> dirty.add(PageScope.relPathOf(source)));
            after.referrers(norm).forEach(source -> dirty.add(PageScope.relPathOf(source)));
        }
        if (key.equals("sources/" + stem) || key.equals("summaries/" + stem)) {
            after.rawState().filesFor(stem).forEach(f -> dirtyRaw.put(RawChecks.pathOf(f), f));
        }
    }

    /**
     * The pages that links added or dropped by this edit resolve to, in either snapshot: their
     * incoming links changed. Only links of orphan candidates count as incoming (index.md's do
     * not), so the caller skips other pages. A link kept by the edit can only change target when
     * another page came or went, and that page's own entry covers it.
     */
    private static void addChangedLinkTargets(WikiPage old, WikiPage now, WikiIndex before, WikiIndex after,
            Set<String> dirty) {
        Set<String> oldKeys = linkKeys(old);
        Set<String> newKeys = linkKeys(now);
        for (String k : oldKeys) {
            if (!newKeys.contains(k)) {
                addResolved(before.resolveKey(k), dirty);
                addResolved(after.resolveKey(k), dirty);
            }
        }
        for (String k : newKeys) {
            if (!oldKeys.contains(k)) {
                addResolved(before.resolveKey(k), dirty);
                addResolved(after.resolveKey(k), dirty);
            }
        }
    }

    private static Set<String> linkKeys(WikiPage page) {
        if (page == null) {
            return Set.of();
        }
        Set<String> keys = new HashSet<>();
        for (WikiLink l : page.links()) {
            if (!l.isSelfLink()) {
                keys.add(l.lookupKey());
            }
        }
        return keys;
    }

    private static void addResolved(WikiPage page, Set<String> dirty) {
        if (page != null) {
            dirty.add(page.relPath());
        }
    }
}
