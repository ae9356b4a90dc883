package dev.openkb.compile;

/** A markdown heading: level 1-6 and its text, markdown stripped. */
record Heading(int level, String text) {
}
