package dev.openkb.wiki;

/** One ATX heading ({@code ## Text}) of a page: its level (1-6), its text and its 0-based line. */
public record Heading(int level, String text, int line) {
}
