package dev.openkb.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a short PDF's page texts (lines in reading order) into the text of the document, judged by
 * the document itself rather than by lists of words:
 * <ul>
 * <li><b>running headers and footers</b>: a line among the first or last two of a page that recurs,
 *     digits aside, at the same edge of at least half the pages (three pages or more), except on
 *     the first page, whose top is the title's, and except a line that ends a sentence of ten words
 *     or more;</li>
 * <li><b>page numbers</b>: a line at a page's edge that is only a number (arabic or roman, maybe
 *     "- 3 -" or "3 / 12");</li>
 * <li><b>hyphenation</b>: a word broken at a line or page end ("Convolu-" + "tional") is joined; the
 *     hyphen stays when the document writes the word with one elsewhere, or the part before the
 *     break already holds one ("state-of-the-" + "art");</li>
 * <li><b>structure</b>: the abstract becomes a {@code ## Abstract} section, numbered section headings
 *     ("1 Introduction", "3.2 Training") become headings, and the reference list starts under
 *     {@code ## References} (or {@code ## Bibliography}, as the document names it), so readers of the
 *     source can find it and leave it out of descriptions.</li>
 * </ul>
 * Pure functions over strings; stateless.
 */
final class PdfTextCleanup {
    private static final int EDGE_LINES = 2;
    private static final int MIN_PAGES_FOR_RUNNING = 3;
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?i)^[\\s\\-–—|]*(?:page\\s+)?(?:\\d{1,4}|[ivxlc]{1,7})(?:\\s*(?:/|of)\\s*\\d{1,4})?[\\s\\-–—|]*$");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern ABSTRACT = Pattern.compile("(?i)^\\s*abstract\\s*(?:[:.—–-]\\s*(.*))?$");
    private static final Pattern REFERENCES = Pattern.compile("(?i)^\\s*(?:\\d{1,2}\\.?\\s+|[ivx]{1,4}\\.\\s+)?(references|bibliography)\\s*:?\\s*$");
    private static final Pattern SECTION = Pattern.compile("^(\\d{1,2}(?:\\.\\d{1,2}){0,2})\\.?\\s+(\\p{Lu}[^\\d]{1,80})$");
    private static final Pattern BROKEN = Pattern.compile("(\\S*\\p{L})-$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\-]*");

    private PdfTextCleanup() {
    }

    /** The document's markdown text from its pages' texts (each with its lines separated by "\n"). */
    static List<String> pages(List<String> pageTexts) {
        List<List<String>> pages = new ArrayList<>();
        for (String t : pageTexts) {
            pages.add(new ArrayList<>(t.isEmpty() ? List.of() : List.of(t.split("\n", -1))));
        }
        removeFurniture(pages);
        Set<String> vocabulary = vocabulary(pages);
        joinHyphenation(pages, vocabulary);
        markStructure(pages);
        List<String> out = new ArrayList<>();
        for (List<String> p : pages) {
            out.add(String.join("\n", p).replaceAll("\n{3,}", "\n\n").strip());
        }
        return out;
    }

    static void removeFurniture(List<List<String>> pages) {
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> bottom = new HashMap<>();
        for (List<String> p : pages) {
            Set<String> seenTop = new HashSet<>();
            Set<String> seenBottom = new HashSet<>();
            List<Integer> lines = contentLines(p);
            for (int k = 0; k < Math.min(EDGE_LINES, lines.size()); k++) {
                seenTop.add(key(p.get(lines.get(k))));
                seenBottom.add(key(p.get(lines.get(lines.size() - 1 - k))));
            }
            seenTop.forEach(s -> top.merge(s, 1, Integer::sum));
            seenBottom.forEach(s -> bottom.merge(s, 1, Integer::sum));
        }
        int needed = Math.max(2, (pages.size() + 1) / 2);
        boolean running = pages.size() >= MIN_PAGES_FOR_RUNNING;
        for (int pi = 0; pi < pages.size(); pi++) {
            List<String> p = pages.get(pi);
            // The first page's top is the title page's: a running header there is usually the title.
            boolean runningHere = running && pi > 0;
            List<Integer> lines = contentLines(p);
            Set<Integer> drop = new HashSet<>();
            for (int k = 0; k < Math.min(EDGE_LINES, lines.size()); k++) {
                int first = lines.get(k);
                if (isPageNumber(p.get(first)) || runningHere && !isSentence(p.get(first))
                        && top.getOrDefault(key(p.get(first)), 0) >= needed) {
                    drop.add(first);
                } else {
                    break;
                }
            }
            for (int k = 0; k < Math.min(EDGE_LINES, lines.size()); k++) {
                int last = lines.get(lines.size() - 1 - k);
                if (isPageNumber(p.get(last)) || runningHere && !isSentence(p.get(last))
                        && bottom.getOrDefault(key(p.get(last)), 0) >= needed) {
                    drop.add(last);
                } else {
                    break;
                }
            }
            if (drop.size() >= lines.size()) {
                continue; // a page of nothing but recurring lines: they are its text, not its frame
            }
            for (int i = p.size() - 1; i >= 0; i--) {
                if (drop.contains(i)) {
                    p.remove(i);
                }
            }
        }
    }

    private static List<Integer> contentLines(List<String> p) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            if (!p.get(i).isBlank()) {
                out.add(i);
            }
        }
        return out;
    }

    /** A line compared across pages: digits (page numbers, dates) aside, spacing and case ignored. */
    private static String key(String line) {
        return DIGITS.matcher(line.strip().toLowerCase(Locale.ROOT)).replaceAll("#").replaceAll("\\s+", " ");
    }

    /**
     * A line that ends a sentence of ten words or more is text, however often it recurs: running
     * headers and footers are titles, names and numbers ("Journal of Durable Storage, Vol. 7",
     * "Chapter 2: ASN.1 structure handling 3"), and a document that repeats a paragraph on every
     * page still says it on every page.
     */
    static boolean isSentence(String line) {
        String t = line.strip();
        return t.split("\\s+").length >= 10 && t.matches(".*[.!?][\"'”’)]?$");
    }

    static boolean isPageNumber(String line) {
        return !line.isBlank() && PAGE_NUMBER.matcher(line.strip()).matches();
    }

    private static Set<String> vocabulary(List<List<String>> pages) {
        Set<String> words = new HashSet<>();
        for (List<String> p : pages) {
            for (String line : p) {
                Matcher m = WORD.matcher(line);
                while (m.find()) {
                    String w = m.group();
                    if (!w.endsWith("-")) {
                        words.add(w.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return words;
    }

    /** Joins "Convolu-" at a line's end with the next line's first word (across pages too). */
    static void joinHyphenation(List<List<String>> pages, Set<String> vocabulary) {
        String[] prevLine = null;
        List<String> prevPage = null;
        int prevIndex = -1;
        for (List<String> p : pages) {
            for (int i = 0; i < p.size(); i++) {
                String line = p.get(i);
                if (line.isBlank()) {
                    prevPage = null;
                    continue;
                }
                if (prevPage != null && Character.isLowerCase(line.strip().codePointAt(0))) {
                    String before = prevPage.get(prevIndex);
                    Matcher broken = BROKEN.matcher(before);
                    if (broken.find()) {
                        String stripped = line.strip();
                        int end = 0;
                        while (end < stripped.length() && !Character.isWhitespace(stripped.charAt(end))) {
                            end++;
                        }
                        String tail = stripped.substring(0, end);
                        String head = broken.group(1);
                        String tailWord = tail.replaceAll("[^\\p{L}\\-]+$", "");
                        String joinedPlain = (head + tailWord).toLowerCase(Locale.ROOT);
                        String joinedHyphen = (head + "-" + tailWord).toLowerCase(Locale.ROOT);
                        boolean keepHyphen = !vocabulary.contains(joinedPlain)
                                && (vocabulary.contains(joinedHyphen) || head.contains("-"));
                        prevPage.set(prevIndex, before.substring(0, broken.start(1)) + head + (keepHyphen ? "-" : "") + tail);
                        String rest = stripped.substring(end).strip();
                        p.set(i, rest);
                        if (rest.isEmpty()) {
                            p.remove(i);
                            i--;
                            continue;
                        }
                        line = rest;
                    }
                }
                prevPage = p;
                prevIndex = i;
            }
        }
    }

    /** Abstract, numbered sections and the reference list as markdown headings. */
    static void markStructure(List<List<String>> pages) {
        boolean abstractFound = false;
        boolean referencesFound = false;
        int total = pages.size();
        for (int pi = 0; pi < total; pi++) {
            List<String> p = pages.get(pi);
            for (int i = 0; i < p.size(); i++) {
                String line = p.get(i).strip();
                if (!abstractFound && pi < 2) {
                    Matcher a = ABSTRACT.matcher(line);
                    String rest = a.matches() && a.group(1) != null ? a.group(1).strip() : "";
                    if (a.matches() && (rest.isEmpty() || Character.isUpperCase(rest.codePointAt(0)))) {
                        abstractFound = true;
                        p.set(i, "\n## Abstract\n");
                        if (!rest.isEmpty()) {
                            p.add(i + 1, rest);
                        }
                        continue;
                    }
                }
                Matcher r = REFERENCES.matcher(line);
                if (!referencesFound && r.matches() && (total == 1 || pi * 2 >= total - 1)) {
                    referencesFound = true;
                    String word = r.group(1).toLowerCase(Locale.ROOT);
                    p.set(i, "\n## " + Character.toUpperCase(word.charAt(0)) + word.substring(1) + "\n");
                    continue;
                }
                Matcher s = SECTION.matcher(line);
                if (!referencesFound && s.matches() && isTitle(s.group(2))) {
                    int depth = s.group(1).split("\\.").length;
                    p.set(i, "\n" + "#".repeat(Math.min(depth + 1, 4)) + " " + line + "\n");
                }
            }
        }
    }

    /** A section title: a few words, no sentence punctuation at its end. */
    private static boolean isTitle(String t) {
        String s = t.strip();
        int words = s.split("\\s+").length;
        return words <= 10 && !s.endsWith(".") && !s.endsWith(",") && !s.endsWith(";") && !s.endsWith(":")
                && s.chars().filter(Character::isLetter).count() >= 3;
    }
}
