package dev.openkb.lint;

import dev.openkb.wiki.PyText;
import dev.openkb.wiki.Targets;
import dev.openkb.wiki.TextLines;
import dev.openkb.wiki.WikiLink;
import dev.openkb.wiki.WikiLinks;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.RandomAccess;

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
     * One line (split at {@code \n}) and what the checks need of it. {@code links} carry the line
     * number the line had when it was parsed (a line kept by an edit above it moves without being
     * copied; {@link Links} places them). {@code keys}, {@code norms} and {@code stems} are parallel to
     * {@code links}; a same-page link has null key and norm.
     */
    record Line(String lower, List<WikiLink> links, String[] keys, String[] norms, String[] stems) {
    }

    /** The lines {@code after} has that {@code before} had not, and those it lost (as a multiset, unordered). */
    record Delta(List<Line> removed, List<Line> added) {
    }

    private final WikiPage page;
    /**
     * The lower-cased text, joined from the lines when first asked (the checks need it only to look
     * for a few stems): a racy single check, harmless because a String is immutable and any thread
     * computes the same one.
     */
    private String lowerText;
    /** The text and its line starts, for comparing the next version with; null with the lines. */
    private final char[] chars;
    private final TextLines starts;
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

    private IndexMd(WikiPage page, String lowerText, char[] chars, TextLines starts, Line[] lines,
            PersistentMap<String, Integer> keyCounts,
            PersistentMap<String, Integer> normCounts, PersistentMap<String, Integer> stemCounts, Object base,
            Delta delta) {
        this.page = page;
        this.lowerText = lowerText;
        this.chars = chars;
        this.starts = starts;
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
            return new IndexMd(page, lower, null, null, null, null, null, null, null, null);
        }
        TextLines starts = TextLines.of(text); // no '\r': its lines are the '\n'-separated ones
        int count = starts.lineCount();
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
        int lowerStart = 0;
        for (int i = 0; i < count; i++) {
            int lowerEnd = i + 1 < count ? lower.indexOf('\n', lowerStart) : lower.length();
            List<WikiLink> links = byLine.get(i);
            lines[i] = line(lower.substring(lowerStart, lowerEnd), links == null ? List.of() : List.copyOf(links));
            count(lines[i], keys, norms, stems);
            lowerStart = lowerEnd + 1;
        }
        return new IndexMd(page, lower, text.toCharArray(), starts, lines, counts(keys), counts(norms),
                counts(stems), null, null);
    }

    /** The new text of index.md, parsed from {@code previous} where its lines are unchanged (null: none). */
    static IndexMd next(IndexMd previous, String relPath, String text) {
        if (previous == null || previous.lines == null || text.indexOf('\r') >= 0) {
            return of(PageParser.parse(relPath, text), text);
        }
        char[] oc = previous.chars;
        TextLines os = previous.starts;
        Line[] old = previous.lines;
        char[] nc = text.toCharArray();
        TextLines ns = TextLines.of(text);
        int n = old.length;
        int m = ns.lineCount();
        Line[] now = new Line[m];
        List<Line> removed = new ArrayList<>();
        List<Line> added = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m) {
                // The texts from lines i and j on agree for `run` chars (a vectorised compare): every
                // whole line with its '\n' inside that run is the same line in both.
                int k = Arrays.mismatch(oc, os.lineStart(i), oc.length, nc, ns.lineStart(j), nc.length);
                int run = k < 0 ? oc.length - os.lineStart(i) : k;
                boolean moved = false;
                while (i < n && j < m) {
                    int length = i < n - 1 ? os.lineStart(i + 1) - os.lineStart(i) : 0; // with its '\n'
                    boolean same = i < n - 1 ? length <= run : k < 0; // the last line: equal tails
                    if (!same) {
                        break;
                    }
                    run -= length;
                    now[j++] = old[i++];
                    moved = true;
                }
                if (moved) {
                    continue;
                }
            }
            // Lines i and j differ: find the nearest line both texts have again.
            int skipOld = Math.min(1, n - i);
            int skipNew = Math.min(1, m - j);
            for (int d = 1; d <= LOOKAHEAD; d++) {
                if (i < n && j + d < m && same(oc, os, i, nc, ns, j + d)) {
                    skipOld = 0;
                    skipNew = d;
                    break;
                }
                if (j < m && i + d < n && same(oc, os, i + d, nc, ns, j)) {
                    skipOld = d;
                    skipNew = 0;
                    break;
                }
                if (i + d < n && j + d < m && same(oc, os, i + d, nc, ns, j + d)) {
                    skipOld = d;
                    skipNew = d;
                    break;
                }
            }
            for (int c = 0; c < skipOld; c++) {
                removed.add(old[i++]);
            }
            for (int c = 0; c < skipNew; c++, j++) {
                now[j] = parseLine(text.substring(ns.lineStart(j), end(nc, ns, j)), j);
                added.add(now[j]);
            }
        }
        WikiPage page = PageParser.parse(relPath, text, ns, new Links(now));
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
        return new IndexMd(page, null, nc, ns, now, keys, norms, stems, previous.token, new Delta(removed, added));
    }

    WikiPage page() {
        return page;
    }

    String lowerText() {
        String lower = lowerText;
        if (lower == null) {
            String[] parts = new String[lines.length];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = lines[i].lower();
            }
            lower = String.join("\n", parts);
            lowerText = lower;
        }
        return lower;
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
        return line(text.toLowerCase(Locale.ROOT), List.copyOf(placed));
    }

    private static Line line(String lower, List<WikiLink> links) {
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
        return new Line(lower, links, keys, norms, stems);
    }

    /**
     * index.md's links in order, read from its lines: a link of a line that moved is placed on its
     * new line when read, so an edit near the top copies no link below it. Immutable.
     */
    private static final class Links extends AbstractList<WikiLink> implements RandomAccess {
        private final Line[] lines;
        /** first[j]: the index of line j's first link; first[lines.length] is the count. */
        private final int[] first;

        Links(Line[] lines) {
            this.lines = lines;
            this.first = new int[lines.length + 1];
            for (int j = 0; j < lines.length; j++) {
                first[j + 1] = first[j] + lines[j].links().size();
            }
        }

        @Override
        public WikiLink get(int index) {
            if (index < 0 || index >= size()) {
                throw new IndexOutOfBoundsException(index);
            }
            int lo = 0;
            int hi = lines.length - 1;
            while (lo < hi) { // the last line whose first link is at or before index
                int mid = (lo + hi + 1) >>> 1;
                if (first[mid] <= index) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return placed(lines[lo].links().get(index - first[lo]), lo);
        }

        @Override
        public int size() {
            return first[lines.length];
        }

        @Override
        public Iterator<WikiLink> iterator() {
            return new Iterator<>() {
                private int line;
                private int next;

                @Override
                public boolean hasNext() {
                    while (line < lines.length && next >= lines[line].links().size()) {
                        line++;
                        next = 0;
                    }
                    return line < lines.length;
                }

                @Override
                public WikiLink next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return placed(lines[line].links().get(next++), line);
                }
            };
        }

    }

    /** A link of a {@link Line} placed on the line {@code line} it is now at. */
    static WikiLink placed(WikiLink l, int line) {
        return l.line() == line ? l
                : new WikiLink(l.raw(), l.target(), l.alias(), l.heading(), line, l.startChar(), l.endChar());
    }

    private static boolean same(char[] oc, TextLines os, int i, char[] nc, TextLines ns, int j) {
        return Arrays.equals(oc, os.lineStart(i), end(oc, os, i), nc, ns.lineStart(j), end(nc, ns, j));
    }

    /** Where line {@code j} ends, before its '\n'. */
    private static int end(char[] chars, TextLines starts, int j) {
        return j + 1 < starts.lineCount() ? starts.lineStart(j + 1) - 1 : chars.length;
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
