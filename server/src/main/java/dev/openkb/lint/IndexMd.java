package dev.openkb.lint;

import dev.openkb.wiki.PyText;
import dev.openkb.wiki.Targets;
import dev.openkb.wiki.TextLines;
import dev.openkb.wiki.WikiLink;
import dev.openkb.wiki.WikiLinks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * index.md as the snapshot keeps it: its parsed page, its lower-cased text, and — when the text
 * has no {@code \r} — the same per line ({@link Line}: lower case, links, their lookup keys and
 * stems) with counts of each link key, normalised key and target stem over the whole file. Every
 * add commit rewrites index.md (about 800 KB at 10,000 pages) with a few lines more, so
 * {@link #next} aligns the new text's lines with these and parses, lower-cases and counts only the
 * lines that differ; the result records which lines went and which came ({@link #delta}), so the
 * link maps and the index checks follow those lines instead of the whole file.
 *
 * <p>With a {@code \r} in the text a line of TextLines (which also breaks at {@code \r}) is no
 * longer a line here, so such a text is parsed whole and has no lines: updates from or to it are
 * whole-file, as is every check of it. Immutable and thread-safe.
 */
final class IndexMd {
    /** How many lines ahead the alignment looks for the next line both texts have. */
    private static final int LOOKAHEAD = 64;

    /**
     * One line (split at {@code \n}) and what the checks need of it. {@code keys}, {@code norms} and
     * {@code stems} are parallel to {@code links}; a same-page link has null key and norm.
     */
    record Line(String text, String lower, List<WikiLink> links, String[] keys, String[] norms, String[] stems) {
    }

    /** The lines {@code after} has that {@code before} had not, and those it lost (as a multiset, unordered). */
    record Delta(List<Line> removed, List<Line> added) {
    }

    private final WikiPage page;
    private final String lowerText;
    /** Null when the text holds a {@code \r}. */
    private final Line[] lines;
    private final PersistentMap<String, Integer> keyCounts;
    private final PersistentMap<String, Integer> normCounts;
    private final PersistentMap<String, Integer> stemCounts;
    /** This version's identity for {@link #deltaFrom}: a token, so no version keeps an older one alive. */
    private final Object token = new Object();
    /** The token of the version this one was derived from by {@link #next}, or null. */
    private final Object base;
    private final Delta delta;

    private IndexMd(WikiPage page, String lowerText, Line[] lines, PersistentMap<String, Integer> keyCounts,
            PersistentMap<String, Integer> normCounts, PersistentMap<String, Integer> stemCounts, Object base,
            Delta delta) {
        this.page = page;
        this.lowerText = lowerText;
        this.lines = lines;
        this.keyCounts = keyCounts;
        this.normCounts = normCounts;
        this.stemCounts = stemCounts;
        this.base = base;
        this.delta = delta;
    }

    /** index.md already parsed whole ({@code page} should be {@code text} parsed): its lines take the page's links. */
    static IndexMd of(WikiPage page, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (text.indexOf('\r') >= 0) {
            return new IndexMd(page, lower, null, null, null, null, null, null);
        }
        int count = 1;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
            count++;
        }
        List<List<WikiLink>> byLine = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byLine.add(null);
        }
        for (WikiLink l : page.links()) {
            if (l.line() >= count) {
                // the page was read from another version of the file than text: parse this one
                return of(PageParser.parse(page.relPath(), text), text);
            }
            if (byLine.get(l.line()) == null) {
                byLine.set(l.line(), new ArrayList<>(2));
            }
            byLine.get(l.line()).add(l);
        }
        Line[] lines = new Line[count];
        Map<String, Integer> keys = new HashMap<>();
        Map<String, Integer> norms = new HashMap<>();
        Map<String, Integer> stems = new HashMap<>();
        // Lower-cased whole, as the full scan reads it, and split: lower casing keeps every '\n'.
        int start = 0;
        int lowerStart = 0;
        for (int i = 0; i < count; i++) {
            int end = i + 1 < count ? text.indexOf('\n', start) : text.length();
            int lowerEnd = i + 1 < count ? lower.indexOf('\n', lowerStart) : lower.length();
            List<WikiLink> links = byLine.get(i);
            lines[i] = line(text.substring(start, end), lower.substring(lowerStart, lowerEnd),
                    links == null ? List.of() : List.copyOf(links));
            count(lines[i], keys, norms, stems);
            start = end + 1;
            lowerStart = lowerEnd + 1;
        }
        return new IndexMd(page, lower, lines, counts(keys), counts(norms), counts(stems), null, null);
    }

    /** The new text of index.md, parsed from {@code previous} where its lines are unchanged (null: none). */
    static IndexMd next(IndexMd previous, String relPath, String text) {
        if (previous == null || previous.lines == null || text.indexOf('\r') >= 0) {
            return of(PageParser.parse(relPath, text), text);
        }
        int[] starts = lineStarts(text);
        int m = starts.length;
        Line[] old = previous.lines;
        int n = old.length;
        Line[] now = new Line[m];
        List<Line> removed = new ArrayList<>();
        List<Line> added = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && same(old[i], text, starts, j)) {
                now[j] = atLine(old[i], j);
                i++;
                j++;
                continue;
            }
            int skipOld = Math.min(1, n - i);
            int skipNew = Math.min(1, m - j);
            for (int d = 1; d <= LOOKAHEAD; d++) {
                if (i < n && j + d < m && same(old[i], text, starts, j + d)) {
                    skipOld = 0;
                    skipNew = d;
                    break;
                }
                if (j < m && i + d < n && same(old[i + d], text, starts, j)) {
                    skipOld = d;
                    skipNew = 0;
                    break;
                }
                if (i + d < n && j + d < m && same(old[i + d], text, starts, j + d)) {
                    skipOld = d;
                    skipNew = d;
                    break;
                }
            }
            for (int k = 0; k < skipOld; k++) {
                removed.add(old[i++]);
            }
            for (int k = 0; k < skipNew; k++, j++) {
                now[j] = parseLine(text.substring(starts[j], lineEnd(text, starts, j)), j);
                added.add(now[j]);
            }
        }
        List<WikiLink> links = new ArrayList<>(previous.page.links().size() + 8);
        StringBuilder lower = new StringBuilder(previous.lowerText.length() + 256);
        for (int k = 0; k < m; k++) {
            links.addAll(now[k].links());
            if (k > 0) {
                lower.append('\n');
            }
            lower.append(now[k].lower());
        }
        WikiPage page = PageParser.parse(relPath, text, TextLines.ofLineStarts(starts, text.length()), links);
        PersistentMap<String, Integer> keys = previous.keyCounts;
        PersistentMap<String, Integer> norms = previous.normCounts;
        PersistentMap<String, Integer> stems = previous.stemCounts;
        for (Line l : removed) {
            keys = add(keys, l.keys(), -1);
            norms = add(norms, l.norms(), -1);
            stems = add(stems, l.stems(), -1);
        }
        for (Line l : added) {
            keys = add(keys, l.keys(), 1);
            norms = add(norms, l.norms(), 1);
            stems = add(stems, l.stems(), 1);
        }
        return new IndexMd(page, lower.toString(), now, keys, norms, stems, previous.token, new Delta(removed, added));
    }

    WikiPage page() {
        return page;
    }

    String lowerText() {
        return lowerText;
    }

    /** True when kept per line (no {@code \r}): the incremental checks apply. */
    boolean hasLines() {
        return lines != null;
    }

    /** The lines, in order (only when {@link #hasLines}). */
    List<Line> lines() {
        return Arrays.asList(lines);
    }

    /** The lines that went and came since {@code before}, or null when this was not derived from it. */
    Delta deltaFrom(IndexMd before) {
        return before != null && base == before.token ? delta : null;
    }

    /** Whether some (not same-page) link has lookup key {@code key} (only when {@link #hasLines}). */
    boolean hasKey(String key) {
        return keyCounts.containsKey(key);
    }

    /** Whether some (not same-page) link has normalised lookup key {@code norm} (only when {@link #hasLines}). */
    boolean hasNorm(String norm) {
        return normCounts.containsKey(norm);
    }

    /** Whether some link's target has stem {@code stem} (only when {@link #hasLines}). */
    boolean hasLinkStem(String stem) {
        return stemCounts.containsKey(stem);
    }

    private static Line parseLine(String text, int lineNo) {
        List<WikiLink> links = WikiLinks.parse(text);
        List<WikiLink> placed = new ArrayList<>(links.size());
        for (WikiLink l : links) {
            placed.add(new WikiLink(l.raw(), l.target(), l.alias(), l.heading(), lineNo, l.startChar(), l.endChar()));
        }
        return line(text, text.toLowerCase(Locale.ROOT), List.copyOf(placed));
    }

    private static Line line(String text, String lower, List<WikiLink> links) {
        String[] keys = new String[links.size()];
        String[] norms = new String[links.size()];
        String[] stems = new String[links.size()];
        for (int k = 0; k < keys.length; k++) {
            WikiLink l = links.get(k);
            stems[k] = PyText.stem(l.target());
            if (!l.isSelfLink()) {
                keys[k] = l.lookupKey();
                norms[k] = Targets.normalize(keys[k]);
            }
        }
        return new Line(text, lower, links, keys, norms, stems);
    }

    /** {@code l} moved to line {@code lineNo}: its links placed there (the same object when it did not move). */
    private static Line atLine(Line l, int lineNo) {
        if (l.links().isEmpty() || l.links().get(0).line() == lineNo) {
            return l;
        }
        List<WikiLink> moved = new ArrayList<>(l.links().size());
        for (WikiLink w : l.links()) {
            moved.add(new WikiLink(w.raw(), w.target(), w.alias(), w.heading(), lineNo, w.startChar(), w.endChar()));
        }
        return new Line(l.text(), l.lower(), List.copyOf(moved), l.keys(), l.norms(), l.stems());
    }

    private static boolean same(Line l, String text, int[] starts, int j) {
        int start = starts[j];
        int len = lineEnd(text, starts, j) - start;
        return l.text().length() == len && text.regionMatches(start, l.text(), 0, len);
    }

    private static int lineEnd(String text, int[] starts, int j) {
        return j + 1 < starts.length ? starts[j + 1] - 1 : text.length();
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[1024];
        int n = 1;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
            }
            starts[n++] = nl + 1;
        }
        return Arrays.copyOf(starts, n);
    }

    private static void count(Line l, Map<String, Integer> keys, Map<String, Integer> norms, Map<String, Integer> stems) {
        for (int k = 0; k < l.keys().length; k++) {
            if (l.keys()[k] != null) {
                keys.merge(l.keys()[k], 1, Integer::sum);
                norms.merge(l.norms()[k], 1, Integer::sum);
            }
            stems.merge(l.stems()[k], 1, Integer::sum);
        }
    }

    private static PersistentMap<String, Integer> counts(Map<String, Integer> m) {
        return PersistentMap.of(m);
    }

    private static PersistentMap<String, Integer> add(PersistentMap<String, Integer> map, String[] values, int sign) {
        for (String v : values) {
            if (v != null) {
                Integer c = map.get(v);
                int next = (c == null ? 0 : c) + sign;
                map = next == 0 ? map.remove(v) : map.put(v, next);
            }
        }
        return map;
    }
}
