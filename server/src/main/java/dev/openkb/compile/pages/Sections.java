package dev.openkb.compile.pages;

import dev.openkb.wiki.PyText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * OpenKB's H2-section editing of a page held as lines (split on {@code "\n"} only, as Python's
 * {@code str.split("\n")}, so joining gives the text back byte for byte). A section is a line
 * starting with {@code "## "} whose right-stripped text equals the heading, up to the next such line.
 * Entries are bullets {@code "- [[target]]..."} matched by strict prefix. Stateless.
 */
public final class Sections {
    private Sections() {
    }

    public static List<String> lines(String text) {
        return new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    }

    public static String join(List<String> lines) {
        return String.join("\n", lines);
    }

    /** {@code [start, end)} of the lines under {@code heading}, or null when there is no such section. */
    public static int[] bounds(List<String> lines, String heading) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("## ")) {
                continue;
            }
            if (start >= 0) {
                return new int[] {start, i};
            }
            if (rstrip(line).equals(heading)) {
                start = i + 1;
            }
        }
        return start >= 0 ? new int[] {start, lines.size()} : null;
    }

    static boolean containsEntry(List<String> lines, String heading, String link) {
        return indexOfEntry(lines, heading, link) >= 0;
    }

    /** Replaces the first entry for {@code link}; false when there is none. */
    static boolean replaceEntry(List<String> lines, String heading, String link, String entry) {
        int i = indexOfEntry(lines, heading, link);
        if (i < 0) {
            return false;
        }
        lines.set(i, entry);
        return true;
    }

    /** Inserts {@code entry} directly under the heading (OpenKB puts new entries on top). */
    static boolean insertEntry(List<String> lines, String heading, String entry) {
        int[] b = bounds(lines, heading);
        if (b == null) {
            return false;
        }
        lines.add(b[0], entry);
        return true;
    }

    /** Removes every entry for {@code link} in the section; true when one was removed. */
    static boolean removeEntries(List<String> lines, String heading, String link) {
        boolean removed = false;
        int i;
        while ((i = indexOfEntry(lines, heading, link)) >= 0) {
            lines.remove(i);
            removed = true;
        }
        return removed;
    }

    /**
     * Appends the section at the end when missing (trailing blank lines dropped, one blank line
     * before the heading, one after). Returns true when it had to be added.
     */
    static boolean ensure(List<String> lines, String heading) {
        if (bounds(lines, heading) != null) {
            return false;
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        if (!lines.isEmpty()) {
            lines.add("");
        }
        lines.add(heading);
        lines.add("");
        return true;
    }

    /** As {@link #ensure}, but a missing section goes just before {@code before} when that exists. */
    static boolean ensureBefore(List<String> lines, String heading, String before) {
        if (bounds(lines, heading) != null) {
            return false;
        }
        int[] b = bounds(lines, before);
        if (b == null) {
            return ensure(lines, heading);
        }
        lines.addAll(b[0] - 1, List.of(heading, ""));
        return true;
    }

    private static int indexOfEntry(List<String> lines, String heading, String link) {
        int[] b = bounds(lines, heading);
        if (b == null) {
            return -1;
        }
        String prefix = "- " + link;
        for (int i = b[0]; i < b[1]; i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    static String rstrip(String s) {
        int end = s.length();
        while (end > 0 && PyText.isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
