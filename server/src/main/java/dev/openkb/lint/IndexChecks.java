package dev.openkb.lint;

import dev.openkb.wiki.Heading;
import dev.openkb.wiki.PyText;
import dev.openkb.wiki.WikiLink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * OpenKB's index sync ({@code check_index_sync}): index.md must exist, each distinct link target in
 * it must resolve, and every direct page of summaries/, concepts/, entities/ must be mentioned, by a
 * link whose stem is the page's stem or by its stem appearing anywhere in the text (case-insensitive).
 * The full check reads every listed page and scans index.md once for all unlinked stems
 * ({@link MentionScanner}); when only other pages came or went, {@link #afterPageChanges} re-checks
 * just those pages, and when index.md itself was edited, {@link #afterIndexEdit} re-checks the pages
 * its changed lines can concern; in both, {@link #scanAfter} resolves only the link keys that can
 * resolve differently when index.md is kept per line. Stateless.
 */
final class IndexChecks {
    private static final Map<String, String> SECTIONS = Map.of(
            "summaries", "Documents", "concepts", "Concepts", "entities", "Entities");

    /**
     * The longest lower-cased stem a line can hold: a file name has at most 255 bytes, and lower
     * casing at most doubles a char (U+0130).
     */
    private static final int MAX_STEM_CHARS = 2 * 255;
    /** Up to this many stems are looked for one by one ({@code String.contains}); more in one scan. */
    private static final int DIRECT_SEARCHES = 16;
    /** Above this many removed-line substrings per page, every listed page is re-checked instead. */
    private static final long SUBSTRINGS_PER_PAGE = 64;

    private IndexChecks() {
    }

    /**
     * index.md's links resolved once, for both its page findings and its index findings: those that
     * do not resolve, and the stems of all link targets.
     */
    record Scan(List<PageChecks.Unresolved> unresolved, Predicate<String> linkStems) {
    }

    /** Resolves every link of index.md ({@code page}). */
    static Scan scan(WikiIndex index, WikiPage page) {
        List<PageChecks.Unresolved> unresolved = new ArrayList<>();
        Set<String> stems = new HashSet<>();
        for (WikiLink link : page.links()) {
            stems.add(PyText.stem(link.target()));
            LinkResolution r = index.resolveLink(page.relPath(), link);
            if (!r.resolved()) {
                unresolved.add(new PageChecks.Unresolved(link, r));
            }
        }
        return new Scan(unresolved, stems::contains);
    }

    /**
     * The scan of index.md in {@code after}, kept per line ({@link IndexMd#hasLines}), from what
     * {@code previous} (its findings in {@code before}) says: a link's resolution is a function of
     * its lookup key, and a key resolves differently only when a page of that key or stem came or
     * went. So the keys to resolve are those {@code previous} reports broken, those of such pages,
     * and those of the lines {@code added} since {@code before}; every other key still resolves.
     */
    static Scan scanAfter(WikiIndex before, WikiIndex after, List<LintFinding> previous,
            Collection<String> changedPages, List<IndexMd.Line> added) {
        IndexMd md = after.indexMd();
        Set<String> candidates = new HashSet<>();
        for (LintFinding f : previous) {
            if (f.code().equals(LintCodes.INDEX_BROKEN_LINK)) {
                candidates.add(f.data().get("target"));
            }
        }
        for (String rel : changedPages) {
            if (PageScope.isWikiPage(rel) && before.page(rel).isPresent() != after.page(rel).isPresent()) {
                String key = PageScope.keyOf(rel);
                candidates.add(key);
                candidates.add(PageScope.stemOf(key));
            }
        }
        for (IndexMd.Line l : added) {
            for (String k : l.keys()) {
                if (k != null) {
                    candidates.add(k);
                }
            }
        }
        Set<String> broken = new HashSet<>();
        for (String k : candidates) {
            if (md.hasKey(k) && after.resolveKey(k) == null) {
                broken.add(k);
            }
        }
        List<PageChecks.Unresolved> unresolved = new ArrayList<>();
        if (!broken.isEmpty()) {
            Map<String, LinkResolution> byKey = new HashMap<>();
            List<IndexMd.Line> lines = md.lines();
            for (int j = 0; j < lines.size(); j++) {
                IndexMd.Line l = lines.get(j);
                for (int i = 0; i < l.keys().length; i++) {
                    String k = l.keys()[i];
                    if (k != null && broken.contains(k)) {
                        WikiLink link = IndexMd.placed(l.links().get(i), j);
                        unresolved.add(new PageChecks.Unresolved(link,
                                byKey.computeIfAbsent(k, x -> after.resolveLink(WikiIndex.INDEX_PATH, link))));
                    }
                }
            }
        }
        return new Scan(unresolved, md::hasLinkStem);
    }

    /** The finding when index.md does not exist (then it is all there is to say). */
    static LintFinding indexMissing() {
        return new LintFinding(LintCodes.INDEX_MISSING, Severity.WARNING, WikiIndex.INDEX_PATH, Range.FILE_START,
                "index.md does not exist", Map.of());
    }

    static void addFindings(WikiIndex index, Scan scan, List<LintFinding> out) {
        WikiPage page = index.page(WikiIndex.INDEX_PATH).orElseThrow();
        Predicate<String> linkStems = addBrokenLinks(page, scan, out);
        List<WikiPage> unlinked = new ArrayList<>();
        List<String> stems = new ArrayList<>();
        for (WikiPage listed : index.pages()) {
            if (PageScope.isIndexListed(listed.key()) && !linkStems.test(listed.stem())) {
                unlinked.add(listed);
                stems.add(listed.stem().toLowerCase(Locale.ROOT));
            }
        }
        boolean[] mentioned = MentionScanner.present(lowerText(index), stems);
        for (int i = 0; i < unlinked.size(); i++) {
            if (!mentioned[i]) {
                out.add(missingPage(page, unlinked.get(i)));
            }
        }
    }

    /**
     * index.md's index findings after {@code changedPages} (not index.md, which must exist and be
     * unchanged) were added, edited or removed: links re-resolved, mention status carried over from
     * {@code previous} for every page but the changed ones, which are checked afresh.
     */
    static void afterPageChanges(WikiIndex index, Scan scan, List<LintFinding> previous,
            Collection<String> changedPages, List<LintFinding> out) {
        WikiPage page = index.page(WikiIndex.INDEX_PATH).orElseThrow();
        Predicate<String> linkStems = addBrokenLinks(page, scan, out);
        for (LintFinding f : previous) {
            if (f.code().equals(LintCodes.INDEX_MISSING_PAGE) && !changedPages.contains(f.data().get("page"))) {
                out.add(f);
            }
        }
        for (String rel : changedPages) {
            WikiPage listed = index.page(rel).orElse(null);
            if (listed != null && PageScope.isIndexListed(listed.key()) && !linkStems.test(listed.stem())
                    && !lowerText(index).contains(listed.stem().toLowerCase(Locale.ROOT))) {
                out.add(missingPage(page, listed));
            }
        }
    }

    /**
     * index.md's index findings after index.md itself was edited (present before and after),
     * perhaps with other pages ({@code changedPages}): links re-resolved; a page's mention status
     * re-checked only where it can have changed. A page not named in {@code previous} was linked by
     * its stem or mentioned on some line; it stays so unless the edit dropped its last link stem or
     * removed a line that mentions it, so only those pages, the changed ones and those whose stem
     * holds a line break are checked against the whole text. A page named in {@code previous} was
     * mentioned on no line, so it is mentioned now exactly when an added line mentions it.
     */
    static void afterIndexEdit(WikiIndex before, WikiIndex after, Scan scan, List<LintFinding> previous,
            Collection<String> changedPages, List<LintFinding> out) {
        WikiPage page = after.page(WikiIndex.INDEX_PATH).orElseThrow();
        Predicate<String> linkStems = addBrokenLinks(page, scan, out);
        IndexMd.Delta delta = after.indexMd() == null ? null : after.indexMd().deltaFrom(before.indexMd());
        List<String> removedLines = new ArrayList<>();
        List<String> addedLines = new ArrayList<>();
        Set<String> oldStems = new HashSet<>();
        if (delta != null) {
            // a stem no link has any more was on a line that went
            for (IndexMd.Line l : delta.removed()) {
                removedLines.add(l.lower());
                oldStems.addAll(Arrays.asList(l.stems()));
            }
            delta.added().forEach(l -> addedLines.add(l.lower()));
        } else {
            LineChanges lines = LineChanges.between(lowerText(before), lowerText(after));
            removedLines.addAll(lines.removed());
            addedLines.addAll(lines.added());
            for (WikiLink link : before.page(WikiIndex.INDEX_PATH).orElseThrow().links()) {
                oldStems.add(PyText.stem(link.target()));
            }
        }
        Set<String> recheck = new HashSet<>();
        for (String stem : oldStems) {
            if (!linkStems.test(stem)) {
                after.stemOwners(stem).forEach(recheck::add);
            }
        }
        long substrings = 0;
        for (String line : removedLines) {
            substrings += (long) line.length() * Math.min(line.length(), MAX_STEM_CHARS);
        }
        if (substrings > SUBSTRINGS_PER_PAGE * (long) after.pageCount()) {
            // very long removed lines: asking every listed page is cheaper than every substring
            for (WikiPage p : after.pages()) {
                if (PageScope.isIndexListed(p.key())) {
                    recheck.add(p.key());
                }
            }
        } else {
            for (String line : removedLines) {
                addMentionedOn(after, line, recheck);
            }
        }
        after.listedWithLineBreak().forEach(recheck::add);
        for (String rel : changedPages) {
            if (PageScope.isWikiPage(rel)) {
                recheck.add(PageScope.keyOf(rel));
            }
        }
        String added = String.join("\n", addedLines);
        List<WikiPage> unlinked = new ArrayList<>();
        List<String> stems = new ArrayList<>();
        for (LintFinding f : previous) {
            if (f.code().equals(LintCodes.INDEX_MISSING_PAGE)) {
                WikiPage listed = after.page(f.data().get("page")).orElse(null);
                if (listed != null && !recheck.contains(listed.key()) && !linkStems.test(listed.stem())
                        && !added.contains(listed.stem().toLowerCase(Locale.ROOT))) {
                    out.add(missingPage(page, listed));
                }
            }
        }
        for (String key : recheck) {
            WikiPage listed = after.page(PageScope.relPathOf(key)).orElse(null);
            if (listed != null && PageScope.isIndexListed(key) && !linkStems.test(listed.stem())) {
                unlinked.add(listed);
                stems.add(listed.stem().toLowerCase(Locale.ROOT));
            }
        }
        boolean[] mentioned = stems.isEmpty() ? new boolean[0] : present(lowerText(after), stems);
        for (int i = 0; i < unlinked.size(); i++) {
            if (!mentioned[i]) {
                out.add(missingPage(page, unlinked.get(i)));
            }
        }
    }

    /** Adds the index-listed pages whose lower-cased stem occurs in {@code line}. */
    private static void addMentionedOn(WikiIndex index, String line, Set<String> out) {
        for (int i = 0; i < line.length(); i++) {
            int last = Math.min(line.length(), i + MAX_STEM_CHARS);
            for (int j = i + 1; j <= last; j++) {
                index.listedWithLowerStem(line.substring(i, j)).forEach(out::add);
            }
        }
    }

    /** Which stems occur in {@code text}: a few by direct search, many in one pass. */
    private static boolean[] present(String text, List<String> stems) {
        if (stems.size() > DIRECT_SEARCHES) {
            return MentionScanner.present(text, stems);
        }
        boolean[] out = new boolean[stems.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = text.contains(stems.get(i));
        }
        return out;
    }

    /** Adds one finding per distinct unresolved link text; returns the stems of all link targets. */
    private static Predicate<String> addBrokenLinks(WikiPage page, Scan scan, List<LintFinding> out) {
        Set<String> seen = new HashSet<>();
        for (PageChecks.Unresolved u : scan.unresolved()) {
            if (seen.add(u.link().targetText())) {
                out.add(PageChecks.brokenLink(LintCodes.INDEX_BROKEN_LINK, page.relPath(), u.link(), u.resolution()));
            }
        }
        return scan.linkStems();
    }

    private static String lowerText(WikiIndex index) {
        return index.indexLowerText() == null ? "" : index.indexLowerText();
    }

    private static LintFinding missingPage(WikiPage index, WikiPage listed) {
        String dir = PageScope.firstDir(listed.key());
        String section = SECTIONS.get(dir);
        return new LintFinding(LintCodes.INDEX_MISSING_PAGE, Severity.INFORMATION, index.relPath(),
                sectionRange(index, section), dir + "/" + listed.stem() + ".md not mentioned in index.md",
                Map.of("page", listed.relPath(), "link", listed.key(), "section", section));
    }

    /** The {@code ## <section>} heading line, where an entry for the page belongs. */
    private static Range sectionRange(WikiPage index, String section) {
        for (Heading h : index.headings()) {
            if (h.level() == 2 && h.text().equals(section)) {
                return Range.line(h.line(), 3 + section.length());
            }
        }
        return Range.FILE_START;
    }
}
