package dev.openkb.pageindex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds section headings in a PDF that has no outline, from typography and numbering alone:
 * <ul>
 *   <li>lines set clearly larger than the body text (the size that covers the most characters);</li>
 *   <li>"Chapter 4", "Part II", "Appendix A" lines;</li>
 *   <li>numbered lines ("2.3 Results", bold "1. Introduction") that do not read like list items.</li>
 * </ul>
 * Text repeated on many pages (running headers and footers) is never a heading. Levels come from the
 * numbering depth when there is one, else from the rank of the font size. Stateless.
 */
final class HeadingDetector {
    /** A heading at {@code page}, lines {@code line .. line+lineCount-1} of that page. */
    record Heading(int page, int line, int lineCount, int level, String title) {
    }

    private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,3}(?:\\.\\d{1,3})*)\\.?\\s+(\\S.*)$");
    private static final Pattern KEYWORD = Pattern.compile(
            "^(chapter|part|section|appendix)\\s+(\\d+|[ivxlcdm]+|[a-z])\\b.*$", Pattern.CASE_INSENSITIVE);
    private static final float SIZE_RATIO = 1.15f;
    private static final float MIN_SIZE_GAP = 1f;
    private static final int MAX_HEADING_CHARS = 120;
    private static final int MAX_NUMBERED_CHARS = 80;

    private HeadingDetector() {
    }

    static List<Heading> detect(List<PageText> pages, int pageCount) {
        float body = bodySize(pages);
        Map<String, Integer> repeats = pagesPerText(pages);
        int exactLimit = Math.max(2, pageCount / 5);
        int numberlessLimit = Math.max(2, pageCount / 2);
        List<Candidate> found = new ArrayList<>();
        int totalLines = 0;
        for (PageText p : pages) {
            totalLines += p.lines().size();
            for (int i = 0; i < p.lines().size(); i++) {
                TextLine l = p.lines().get(i);
                Candidate c = classify(p.page(), i, l, body);
                boolean running = repeats.getOrDefault(exactKey(l.text()), 0) > exactLimit
                        || repeats.getOrDefault(numberlessKey(l.text()), 0) > numberlessLimit;
                if (c != null && !running) {
                    found.add(c);
                }
            }
        }
        List<Candidate> headings = merged(found);
        // When most lines qualify, the "headings" are the text itself (a slide deck, a form).
        if (headings.isEmpty() || headings.size() * 2 > totalLines) {
            return List.of();
        }
        return withLevels(headings);
    }

    /** The font size carrying the most characters, rounded to half points. */
    static float bodySize(List<PageText> pages) {
        Map<Float, Integer> chars = new HashMap<>();
        for (PageText p : pages) {
            for (TextLine l : p.lines()) {
                chars.merge(half(l.fontSize()), l.text().length(), Integer::sum);
            }
        }
        float best = 0;
        int bestChars = -1;
        for (Map.Entry<Float, Integer> e : chars.entrySet()) {
            boolean more = e.getValue() > bestChars;
            boolean tieSmaller = e.getValue() == bestChars && e.getKey() < best;
            if (more || tieSmaller) {
                best = e.getKey();
                bestChars = e.getValue();
            }
        }
        return best;
    }

    private record Candidate(int page, int line, int lineCount, float size, int numberDepth, String title) {
    }

    private static Candidate classify(int page, int index, TextLine l, float body) {
        String t = l.text();
        if (t.length() < 2 || t.length() > MAX_HEADING_CHARS || t.codePoints().noneMatch(Character::isLetter)
                || endsLikeProse(t)) {
            return null;
        }
        Matcher num = NUMBERED.matcher(t);
        boolean numbered = num.matches() && Character.isUpperCase(num.group(2).codePointAt(0));
        int depth = numbered ? num.group(1).split("\\.").length : 0;
        boolean keyword = KEYWORD.matcher(t).matches() && t.length() <= MAX_NUMBERED_CHARS;
        boolean big = l.fontSize() >= body * SIZE_RATIO && l.fontSize() - body >= MIN_SIZE_GAP;
        boolean notSmall = l.fontSize() >= body - 0.5f;
        boolean numberedHeading = numbered && notSmall && t.length() <= MAX_NUMBERED_CHARS
                && (l.bold() || big || depth >= 2);
        if (keyword && notSmall) {
            return new Candidate(page, index, 1, l.fontSize(), -1, t);
        }
        if (big || numberedHeading) {
            return new Candidate(page, index, 1, l.fontSize(), depth, t);
        }
        return null;
    }

    private static boolean endsLikeProse(String t) {
        char last = t.charAt(t.length() - 1);
        if (last == ',' || last == ';' || last == ':') {
            return true;
        }
        return last == '.' && t.split("\\s+").length > 6;
    }

    /** Joins a heading that wraps onto the next line (same page, same size, no new numbering). */
    private static List<Candidate> merged(List<Candidate> found) {
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : found) {
            Candidate prev = out.isEmpty() ? null : out.get(out.size() - 1);
            boolean continues = prev != null && prev.page() == c.page()
                    && prev.line() + prev.lineCount() == c.line()
                    && half(prev.size()) == half(c.size()) && c.numberDepth() == 0
                    && prev.title().length() + c.title().length() < MAX_HEADING_CHARS;
            if (continues) {
                out.set(out.size() - 1, new Candidate(prev.page(), prev.line(), prev.lineCount() + 1, prev.size(),
                        prev.numberDepth(), prev.title() + " " + c.title()));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    private static List<Heading> withLevels(List<Candidate> found) {
        TreeSet<Float> sizes = new TreeSet<>();
        for (Candidate c : found) {
            sizes.add(half(c.size()));
        }
        List<Float> descending = new ArrayList<>(sizes.descendingSet());
        List<Heading> out = new ArrayList<>();
        for (Candidate c : found) {
            int level;
            if (c.numberDepth() < 0) {
                level = 1;
            } else if (c.numberDepth() > 0) {
                level = c.numberDepth();
            } else {
                level = descending.indexOf(half(c.size())) + 1;
            }
            out.add(new Heading(c.page(), c.line(), c.lineCount(), Math.min(level, 6), c.title()));
        }
        return out;
    }

    /**
     * How many distinct pages each short line appears on, counted both as written and with its digits
     * masked: running headers repeat exactly on many pages, page footers ("Page 7") repeat with their
     * digits masked on most pages, while "Chapter 3" and "Chapter 4" are different headings.
     */
    private static Map<String, Integer> pagesPerText(List<PageText> pages) {
        Map<String, Integer> count = new HashMap<>();
        for (PageText p : pages) {
            Set<String> seen = new HashSet<>();
            for (TextLine l : p.lines()) {
                if (l.text().length() <= MAX_HEADING_CHARS) {
                    seen.add(exactKey(l.text()));
                    seen.add(numberlessKey(l.text()));
                }
            }
            seen.forEach(k -> count.merge(k, 1, Integer::sum));
        }
        return count;
    }

    private static String exactKey(String text) {
        return "=" + text.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String numberlessKey(String text) {
        return "#" + text.replaceAll("\\d+", "#").replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static float half(float size) {
        return Math.round(size * 2) / 2f;
    }
}
