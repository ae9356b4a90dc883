package dev.openkb.lint;

import dev.openkb.kb.KbLayout;
import dev.openkb.wiki.PyText;
import dev.openkb.wiki.Targets;
import dev.openkb.wiki.WikiLink;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable snapshot of the KB's wiki: every {@code wiki/**}{@code /*.md} page (parsed when in
 * lint scope), reverse link maps, and the {@link RawState}. {@link #withPage} and
 * {@link #withoutPage} return a new snapshot that shares every unchanged page and map node, at the
 * cost of parsing the one page plus O(log n) per changed link key: the LSP server keeps one per
 * edit and lints incrementally between two of them ({@link Linter#update}). index.md, which every
 * add rewrites and which names every page, is kept per line ({@link IndexMd}): a new text of it is
 * parsed and its link keys moved only where its lines differ.
 *
 * <p><b>Link resolution (one policy for lint, {@code --fix}, and the LSP).</b> A link's lookup key
 * is its target without {@code #heading}, stripped of whitespace and {@code /} (OpenKB's
 * {@code target.strip().strip("/")}). The key resolves to the page whose wiki-relative path
 * without {@code .md} equals it; otherwise, when it has no {@code /}, to the one page whose stem it
 * is, if exactly one page outside sources/ and reports/ has that stem. A stem shared by several
 * pages is ambiguous, and so broken. OpenKB's check accepts any stem match while its
 * {@code --fix} strips every bare link (its defect 8); here both follow this rule. Sources and
 * reports are reachable by path only, so {@code [[paper]]} names {@code summaries/paper} even though
 * {@code sources/paper.md} exists. {@code [[#heading]]} is a link to its own page.
 *
 * <p>Immutable and thread-safe: readers on any thread, no locks.
 */
public final class WikiIndex {
    public static final String INDEX_PATH = "wiki/index.md";
    private static final String LINE_BREAK = "\n";

    /** Page key ("concepts/foo") to page; every map below holds keys too, relPaths only at the API. */
    private final PersistentMap<String, WikiPage> pages;
    /** Stem to the stem-target pages that have it. */
    private final PersistentMap<String, RefSet> stemOwners;
    /** Normalised page key to pages, for fuzzy repair candidates. */
    private final PersistentMap<String, RefSet> normKeys;
    /** Normalised stem to stem-target pages, for fuzzy repair of bare links. */
    private final PersistentMap<String, RefSet> normStems;
    /** Normalised link lookup key to the pages holding such a link: who may be affected by a page. */
    private final PersistentMap<String, RefSet> referrers;
    /**
     * Lower-cased stem to the index-listed pages that have it: which pages a line of index.md
     * mentions, so an edit of index.md re-checks only the pages its removed lines named.
     */
    private final PersistentMap<String, RefSet> listedStems;
    /** index.md kept per line, or null when there is no index.md. */
    private final IndexMd indexMd;
    private final RawState raw;

    private WikiIndex(PersistentMap<String, WikiPage> pages, PersistentMap<String, RefSet> stemOwners,
            PersistentMap<String, RefSet> normKeys, PersistentMap<String, RefSet> normStems,
            PersistentMap<String, RefSet> referrers, PersistentMap<String, RefSet> listedStems, IndexMd indexMd,
            RawState raw) {
        this.pages = pages;
        this.stemOwners = stemOwners;
        this.normKeys = normKeys;
        this.normStems = normStems;
        this.referrers = referrers;
        this.listedStems = listedStems;
        this.indexMd = indexMd;
        this.raw = raw;
    }

    /** Reads the whole KB (see {@link WikiIndexLoader}). */
    public static WikiIndex build(KbLayout layout) {
        return WikiIndexLoader.load(layout);
    }

    public static WikiIndex empty() {
        return new WikiIndex(PersistentMap.empty(), PersistentMap.empty(), PersistentMap.empty(),
                PersistentMap.empty(), PersistentMap.empty(), PersistentMap.empty(), null, RawState.EMPTY);
    }

    /** Builds a snapshot from parsed pages in one pass; {@code indexText} is index.md's text or null. */
    static WikiIndex of(Collection<WikiPage> parsed, String indexText, RawState raw) {
        Map<String, WikiPage> pages = new HashMap<>(parsed.size() * 2);
        int capacity = parsed.size() * 2;
        Map<String, List<String>> stems = new HashMap<>(capacity);
        Map<String, List<String>> keys = new HashMap<>(capacity);
        Map<String, List<String>> normStems = new HashMap<>(capacity);
        Map<String, List<String>> refs = new HashMap<>(capacity * 2);
        Map<String, List<String>> listed = new HashMap<>(capacity);
        IndexMd indexMd = null;
        for (WikiPage p : parsed) {
            if (indexText != null && p.relPath().equals(INDEX_PATH)) {
                // parsed again from the very text kept: the walk may have read another version of it
                indexMd = IndexMd.of(PageParser.parse(INDEX_PATH, indexText), indexText);
                p = indexMd.page();
            }
            pages.put(p.key(), p);
            keys.computeIfAbsent(Targets.normalize(p.key()), k -> new ArrayList<>(1)).add(p.key());
            if (PageScope.isStemTarget(p.key())) {
                stems.computeIfAbsent(p.stem(), k -> new ArrayList<>(1)).add(p.key());
                normStems.computeIfAbsent(Targets.normalize(p.stem()), k -> new ArrayList<>(1)).add(p.key());
            }
            for (String n : linkNorms(p)) {
                refs.computeIfAbsent(n, k -> new ArrayList<>(2)).add(p.key());
            }
            if (PageScope.isIndexListed(p.key())) {
                String lower = lowerStem(p.key());
                listed.computeIfAbsent(lower, k -> new ArrayList<>(1)).add(p.key());
                if (lower.contains(LINE_BREAK) && !lower.equals(LINE_BREAK)) {
                    listed.computeIfAbsent(LINE_BREAK, k -> new ArrayList<>(1)).add(p.key());
                }
            }
        }
        return new WikiIndex(PersistentMap.of(pages), refSets(stems), refSets(keys), refSets(normStems), refSets(refs),
                refSets(listed), indexMd, raw);
    }

    private static PersistentMap<String, RefSet> refSets(Map<String, List<String>> lists) {
        Map<String, RefSet> sets = new HashMap<>(lists.size() * 2);
        lists.forEach((k, v) -> sets.put(k, RefSet.of(v)));
        return PersistentMap.of(sets);
    }

    // ---- updates --------------------------------------------------------------------------------

    /** This snapshot with {@code relPath} (KB-relative, {@code wiki/...md}) added or replaced by {@code text}. */
    public WikiIndex withPage(String relPath, String text) {
        requirePage(relPath);
        if (relPath.equals(INDEX_PATH)) {
            IndexMd next = IndexMd.next(indexMd, relPath, text);
            return replace(PageScope.keyOf(relPath), next.page(), next);
        }
        return replace(PageScope.keyOf(relPath), PageParser.parse(relPath, text), indexMd);
    }

    /** This snapshot without {@code relPath}; {@code this} when it is not a page. */
    public WikiIndex withoutPage(String relPath) {
        if (!PageScope.isWikiPage(relPath) || !pages.containsKey(PageScope.keyOf(relPath))) {
            return this;
        }
        return replace(PageScope.keyOf(relPath), null, relPath.equals(INDEX_PATH) ? null : indexMd);
    }

    /** This snapshot with new raw/, registry and sources/*.json facts. */
    public WikiIndex withRawState(RawState newRaw) {
        return new WikiIndex(pages, stemOwners, normKeys, normStems, referrers, listedStems, indexMd, newRaw);
    }

    private WikiIndex replace(String key, WikiPage page, IndexMd nextIndexMd) {
        WikiPage old = pages.get(key);
        PersistentMap<String, RefSet> stems = stemOwners;
        PersistentMap<String, RefSet> keys = normKeys;
        PersistentMap<String, RefSet> nStems = normStems;
        PersistentMap<String, RefSet> listed = listedStems;
        if ((old == null) != (page == null)) {
            boolean add = page != null;
            keys = update(keys, Targets.normalize(key), key, add);
            if (PageScope.isStemTarget(key)) {
                String stem = PageScope.stemOf(key);
                stems = update(stems, stem, key, add);
                nStems = update(nStems, Targets.normalize(stem), key, add);
            }
            if (PageScope.isIndexListed(key)) {
                String lowered = lowerStem(key);
                listed = update(listed, lowered, key, add);
                if (lowered.contains(LINE_BREAK) && !lowered.equals(LINE_BREAK)) {
                    listed = update(listed, LINE_BREAK, key, add);
                }
            }
        }
        PersistentMap<String, RefSet> refs = referrers;
        IndexMd.Delta delta = nextIndexMd == null ? null : nextIndexMd.deltaFrom(indexMd);
        if (old != null && page != null && delta != null && nextIndexMd != indexMd) {
            // index.md edited: only the norms of the lines that went or came can appear or vanish
            for (IndexMd.Line l : delta.removed()) {
                for (String n : l.norms()) {
                    if (n != null && !nextIndexMd.hasNorm(n)) {
                        refs = update(refs, n, key, false);
                    }
                }
            }
            for (IndexMd.Line l : delta.added()) {
                for (String n : l.norms()) {
                    if (n != null && !indexMd.hasNorm(n)) {
                        refs = update(refs, n, key, true);
                    }
                }
            }
            return new WikiIndex(pages.putOrRemove(key, page), stems, keys, nStems, refs, listed, nextIndexMd, raw);
        }
        Set<String> before = old == null ? Set.of() : linkNorms(old);
        Set<String> after = page == null ? Set.of() : linkNorms(page);
        for (String n : before) {
            if (!after.contains(n)) {
                refs = update(refs, n, key, false);
            }
        }
        for (String n : after) {
            if (!before.contains(n)) {
                refs = update(refs, n, key, true);
            }
        }
        return new WikiIndex(pages.putOrRemove(key, page), stems, keys, nStems, refs, listed, nextIndexMd, raw);
    }

    private static PersistentMap<String, RefSet> update(PersistentMap<String, RefSet> map, String mapKey,
            String pageKey, boolean add) {
        RefSet current = map.get(mapKey);
        RefSet next = current == null ? RefSet.EMPTY : current;
        next = add ? next.with(pageKey) : next.without(pageKey);
        return next.isEmpty() ? map.remove(mapKey) : map.put(mapKey, next);
    }

    /** The distinct normalised lookup keys of a page's links (same-page links have none). */
    static Set<String> linkNorms(WikiPage p) {
        if (p.links().isEmpty()) {
            return Set.of();
        }
        Set<String> norms = new HashSet<>();
        for (WikiLink l : p.links()) {
            if (!l.isSelfLink()) {
                norms.add(Targets.normalize(l.lookupKey()));
            }
        }
        return norms;
    }

    private static void requirePage(String relPath) {
        if (!PageScope.isWikiPage(relPath)) {
            throw new IllegalArgumentException("not a wiki page path: " + relPath);
        }
    }

    // ---- lookups --------------------------------------------------------------------------------

    public Optional<WikiPage> page(String relPath) {
        return Optional.ofNullable(PageScope.isWikiPage(relPath) ? pages.get(PageScope.keyOf(relPath)) : null);
    }

    public int pageCount() {
        return pages.size();
    }

    /** Every page, in no particular order; a live view of this (immutable) snapshot. */
    public Collection<WikiPage> pages() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<WikiPage> iterator() {
                Iterator<Map.Entry<String, WikiPage>> it = pages.iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public WikiPage next() {
                        return it.next().getValue();
                    }
                };
            }

            @Override
            public int size() {
                return pages.size();
            }
        };
    }

    /** The pages a bare {@code [[stem]]} could name (outside sources/ and reports/), sorted by key. */
    public List<WikiPage> pagesWithStem(String stem) {
        return toPages(stemOwners.get(stem));
    }

    /**
     * Resolves a link target as written before any {@code |} ({@code "concepts/x#Heading"} works).
     * Empty when it names no page or is ambiguous.
     */
    public Optional<WikiPage> resolve(String target) {
        return Optional.ofNullable(resolveKey(lookupKey(target)));
    }

    /** Resolves one link found on page {@code sourceRelPath}. */
    public LinkResolution resolveLink(String sourceRelPath, WikiLink link) {
        if (link.isSelfLink()) {
            return new LinkResolution(LinkResolution.Status.SELF, page(sourceRelPath).orElse(null), List.of(), null);
        }
        String key = link.lookupKey();
        WikiPage page = resolveKey(key);
        if (page != null) {
            return new LinkResolution(LinkResolution.Status.RESOLVED, page, List.of(), null);
        }
        RefSet owners = key.indexOf('/') < 0 ? stemOwners.get(key) : null;
        if (owners != null && owners.size() > 1) {
            return new LinkResolution(LinkResolution.Status.AMBIGUOUS, null, owners.asList(), candidateKey(key));
        }
        return new LinkResolution(LinkResolution.Status.MISSING, null, List.of(), candidateKey(key));
    }

    /** The target {@code --fix} would rewrite an unresolved target to (fuzzy match), if any. */
    public Optional<String> candidate(String target) {
        return Optional.ofNullable(candidateKey(lookupKey(target)));
    }

    /** The pages holding at least one link that resolves to {@code relPath}, sorted by path. */
    public List<WikiPage> backlinks(String relPath) {
        WikiPage target = page(relPath).orElse(null);
        if (target == null) {
            return List.of();
        }
        List<WikiPage> out = new ArrayList<>();
        for (String source : possibleReferrers(target)) {
            WikiPage p = pages.get(source);
            if (linksTo(p, target)) {
                out.add(p);
            }
        }
        out.sort((a, b) -> a.relPath().compareTo(b.relPath()));
        return out;
    }

    /**
     * Every link occurrence that resolves to {@code relPath} (same-page {@code [[#heading]]} links
     * excluded), sorted by source path then position: the LSP's references.
     */
    public List<LinkRef> references(String relPath) {
        WikiPage target = page(relPath).orElse(null);
        if (target == null) {
            return List.of();
        }
        List<LinkRef> out = new ArrayList<>();
        for (WikiPage source : backlinks(relPath)) {
            for (WikiLink l : source.links()) {
                if (!l.isSelfLink() && resolveKey(l.lookupKey()) == target) {
                    out.add(new LinkRef(source.relPath(), l));
                }
            }
        }
        return out;
    }

    public RawState rawState() {
        return raw;
    }

    // ---- for the checks -------------------------------------------------------------------------

    /** OpenKB's orphan rule counts links from orphan candidates only (not index.md, not sources/). */
    boolean hasIncomingFromOrphanScope(WikiPage target) {
        for (String source : possibleReferrers(target)) {
            WikiPage p = pages.get(source);
            if (PageScope.isOrphanCandidate(p.key()) && linksTo(p, target)) {
                return true;
            }
        }
        return false;
    }

    /** Keys of the pages with a link whose normalised lookup key is {@code norm}. */
    RefSet referrers(String norm) {
        RefSet r = referrers.get(norm);
        return r == null ? RefSet.EMPTY : r;
    }

    /** The index-listed pages whose stem, lower-cased, is {@code lower}. */
    RefSet listedWithLowerStem(String lower) {
        RefSet r = listedStems.get(lower);
        return r == null ? RefSet.EMPTY : r;
    }

    /**
     * The index-listed pages whose lower-cased stem holds a {@code \n}: a mention of one can span
     * lines of index.md. Kept under the key {@code "\n"} of the same map.
     */
    RefSet listedWithLineBreak() {
        return listedWithLowerStem(LINE_BREAK);
    }

    static String lowerStem(String key) {
        return PageScope.stemOf(key).toLowerCase(Locale.ROOT);
    }

    /** Keys of the stem-target pages whose stem is {@code stem}. */
    RefSet stemOwners(String stem) {
        RefSet r = stemOwners.get(stem);
        return r == null ? RefSet.EMPTY : r;
    }

    /** index.md's text in lower case, or null when there is no index.md. */
    String indexLowerText() {
        return indexMd == null ? null : indexMd.lowerText();
    }

    /** index.md kept per line, or null when there is no index.md. */
    IndexMd indexMd() {
        return indexMd;
    }

    WikiPage resolveKey(String key) {
        if (key.isEmpty()) {
            return null;
        }
        WikiPage exact = pages.get(key);
        if (exact != null) {
            return exact;
        }
        if (key.indexOf('/') >= 0) {
            return null;
        }
        RefSet owners = stemOwners.get(key);
        return owners != null && owners.size() == 1 ? pages.get(owners.first()) : null;
    }

    private String candidateKey(String key) {
        String norm = Targets.normalize(key);
        RefSet byKey = normKeys.get(norm);
        if (byKey != null) {
            return byKey.first();
        }
        if (key.indexOf('/') < 0) {
            RefSet byStem = normStems.get(norm);
            if (byStem != null && byStem.size() == 1) {
                return byStem.first();
            }
        }
        return null;
    }

    private Set<String> possibleReferrers(WikiPage target) {
        Set<String> sources = new HashSet<>();
        referrers(Targets.normalize(target.key())).forEach(sources::add);
        referrers(Targets.normalize(target.stem())).forEach(sources::add);
        return sources;
    }

    private boolean linksTo(WikiPage source, WikiPage target) {
        for (WikiLink l : source.links()) {
            if (!l.isSelfLink() && resolveKey(l.lookupKey()) == target) {
                return true;
            }
        }
        return false;
    }

    private List<WikiPage> toPages(RefSet set) {
        if (set == null) {
            return List.of();
        }
        List<WikiPage> out = new ArrayList<>(set.size());
        set.forEach(rel -> out.add(pages.get(rel)));
        return out;
    }

    static String lookupKey(String target) {
        int bar = target.indexOf('|');
        String t = bar < 0 ? target : target.substring(0, bar);
        int hash = t.indexOf('#');
        return PyText.strip(PyText.strip(hash < 0 ? t : t.substring(0, hash)), '/');
    }
}
