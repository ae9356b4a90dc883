package dev.openkb.pageindex;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds a long document's tree without an LLM: sections from the PDF outline when it has one, else
 * from detected headings, else fixed page ranges; each section gets its page range and an extractive
 * summary, and the document a short description. The same input always gives the same tree.
 * Stateless; each {@link #build} call works on its own drafts.
 */
public final class TreeBuilder {
    static final int SUMMARY_CHARS = 300;
    static final int DESCRIPTION_CHARS = 199;
    /** Enough text to find two sentences without copying a whole chapter. */
    private static final int GATHER_CHARS = 2000;
    private static final int RANGE_NODES = 10;

    /** A section while the tree is being built; confined to one build call. */
    private static final class Draft {
        final String title;
        final int level;
        int start;
        int end;
        int anchorLine = -1;
        int anchorLines;
        String summary = "";
        final List<Draft> children = new ArrayList<>();

        Draft(String title, int start, int level) {
            this.title = title;
            this.start = start;
            this.level = level;
        }
    }

    /**
     * @param metadataTitle the PDF's Title metadata, or null/blank when it has none
     * @param fallbackTitle used when neither metadata nor a first heading gives a title (the file stem)
     * @param pageCount     pages in the PDF (at least 1)
     * @param pages         text of the pages that have any, in page order
     * @param outline       the PDF bookmarks (empty when there are none)
     */
    public DocTree build(String metadataTitle, String fallbackTitle, int pageCount, List<PageText> pages,
                         List<OutlineEntry> outline) {
        PageText[] byPage = new PageText[pageCount + 1];
        for (PageText p : pages) {
            if (p.page() >= 1 && p.page() <= pageCount) {
                byPage[p.page()] = p;
            }
        }
        Set<Long> headingLines = new HashSet<>();
        List<Draft> roots = fromOutline(outline, pageCount);
        String firstHeading = null;
        if (!roots.isEmpty()) {
            anchorTitles(roots, byPage, headingLines);
        } else {
            List<HeadingDetector.Heading> headings = HeadingDetector.detect(pages, pageCount);
            roots = fromHeadings(headings, headingLines);
            if (!headings.isEmpty() && headings.get(0).page() == 1) {
                firstHeading = headings.get(0).title();
            }
        }
        if (roots.isEmpty()) {
            roots = pageRanges(pageCount);
        }
        assignEnds(roots, pageCount);
        summarize(roots, byPage, headingLines);

        String title = !isBlank(metadataTitle) ? metadataTitle.strip()
                : firstHeading != null ? firstHeading : fallbackTitle;
        String description = Sentences.lead(gather(byPage, 1, 0, pageCount, headingLines), DESCRIPTION_CHARS);
        if (description.isEmpty()) {
            description = title.length() <= DESCRIPTION_CHARS ? title : title.substring(0, DESCRIPTION_CHARS);
        }
        int[] counter = {0};
        List<TreeNode> nodes = new ArrayList<>();
        for (Draft d : roots) {
            nodes.add(freeze(d, counter));
        }
        return new DocTree(title, description, pageCount, nodes);
    }

    private static List<Draft> fromOutline(List<OutlineEntry> entries, int pageCount) {
        List<Draft> out = new ArrayList<>();
        int previous = 1;
        for (OutlineEntry e : entries) {
            List<Draft> children = fromOutline(e.children(), pageCount);
            int page = e.page() >= 1 ? e.page() : children.isEmpty() ? previous : children.get(0).start;
            Draft d = new Draft(e.title(), Math.min(Math.max(page, 1), pageCount), 0);
            d.children.addAll(children);
            out.add(d);
            previous = d.start;
        }
        return out;
    }

    private static List<Draft> fromHeadings(List<HeadingDetector.Heading> headings, Set<Long> headingLines) {
        List<Draft> roots = new ArrayList<>();
        Deque<Draft> open = new ArrayDeque<>();
        for (HeadingDetector.Heading h : headings) {
            Draft d = new Draft(h.title(), h.page(), h.level());
            d.anchorLine = h.line();
            d.anchorLines = h.lineCount();
            for (int i = 0; i < h.lineCount(); i++) {
                headingLines.add(key(h.page(), h.line() + i));
            }
            while (!open.isEmpty() && open.peek().level >= h.level()) {
                open.pop();
            }
            (open.isEmpty() ? roots : open.peek().children).add(d);
            open.push(d);
        }
        return roots;
    }

    /** No structure at all: about ten sections of equal page ranges, so the tree still guides a reader. */
    private static List<Draft> pageRanges(int pageCount) {
        int size = Math.max(1, (pageCount + RANGE_NODES - 1) / RANGE_NODES);
        List<Draft> out = new ArrayList<>();
        for (int start = 1; start <= pageCount; start += size) {
            int end = Math.min(pageCount, start + size - 1);
            out.add(new Draft(start == end ? "Page " + start : "Pages " + start + "–" + end, start, 1));
        }
        return out;
    }

    /** End = next sibling's start − 1 (never before the own start); the last child ends with its parent. */
    private static void assignEnds(List<Draft> siblings, int parentEnd) {
        for (int i = 0; i < siblings.size(); i++) {
            Draft d = siblings.get(i);
            int next = i + 1 < siblings.size() ? siblings.get(i + 1).start - 1 : parentEnd;
            d.end = Math.max(d.start, Math.min(next, parentEnd));
            assignEnds(d.children, d.end);
        }
    }

    /** Finds each bookmark's title among the lines of its start page, so summaries start after it. */
    private static void anchorTitles(List<Draft> drafts, PageText[] byPage, Set<Long> headingLines) {
        for (Draft d : drafts) {
            PageText p = byPage[d.start];
            String want = normal(d.title);
            for (int i = 0; p != null && !want.isEmpty() && i < p.lines().size(); i++) {
                String line = normal(p.lines().get(i).text());
                if (line.equals(want) || (line.contains(want) && line.length() <= want.length() + 12)) {
                    d.anchorLine = i;
                    d.anchorLines = 1;
                    headingLines.add(key(d.start, i));
                    break;
                }
            }
            anchorTitles(d.children, byPage, headingLines);
        }
    }

    private static void summarize(List<Draft> drafts, PageText[] byPage, Set<Long> headingLines) {
        for (Draft d : drafts) {
            int fromLine = d.anchorLine >= 0 ? d.anchorLine + d.anchorLines : 0;
            d.summary = Sentences.lead(gather(byPage, d.start, fromLine, d.end, headingLines), SUMMARY_CHARS);
            summarize(d.children, byPage, headingLines);
        }
    }

    /** The running text from (startPage, fromLine) through endPage, headings left out, hyphenation undone. */
    private static String gather(PageText[] byPage, int startPage, int fromLine, int endPage, Set<Long> headingLines) {
        StringBuilder sb = new StringBuilder();
        for (int page = startPage; page <= endPage && sb.length() < GATHER_CHARS; page++) {
            PageText p = byPage[page];
            if (p == null) {
                continue;
            }
            for (int i = page == startPage ? fromLine : 0; i < p.lines().size() && sb.length() < GATHER_CHARS; i++) {
                if (headingLines.contains(key(page, i))) {
                    continue;
                }
                String text = p.lines().get(i).text();
                if (isLabel(sb, text)) {
                    continue;
                }
                boolean hyphenated = sb.length() > 1 && sb.charAt(sb.length() - 1) == '-'
                        && Character.isLetter(sb.charAt(sb.length() - 2))
                        && !text.isEmpty() && Character.isLowerCase(text.charAt(0));
                if (hyphenated) {
                    sb.setLength(sb.length() - 1);
                } else if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(text);
            }
        }
        return sb.toString();
    }

    /**
     * A short line standing between sentences without ending one itself ("Fig. 3", "Table 2: Costs",
     * a page number): a caption or label, which would otherwise glue onto the next sentence.
     */
    private static boolean isLabel(StringBuilder before, String line) {
        boolean betweenSentences = before.length() == 0 || Sentences.endsSentence(before.charAt(before.length() - 1));
        boolean endsSentence = !line.isEmpty() && Sentences.endsSentence(line.charAt(line.length() - 1));
        return betweenSentences && !endsSentence && line.split("\\s+").length < 4;
    }

    private static TreeNode freeze(Draft d, int[] counter) {
        String id = String.format(Locale.ROOT, "%04d", counter[0]++);
        List<TreeNode> children = new ArrayList<>();
        for (Draft c : d.children) {
            children.add(freeze(c, counter));
        }
        return new TreeNode(id, d.title, d.start, d.end, d.summary, children);
    }

    private static long key(int page, int line) {
        return ((long) page << 32) | line;
    }

    private static String normal(String s) {
        return s.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
