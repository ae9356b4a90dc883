package dev.openkb.compile.text;

/** A markdown heading: level 1-6 and its text, markdown stripped. */
public record Heading(int level, String text) {
}
