package dev.openkb.client.diagnostics;

/** A text edit in offsets: replace {@code [start, end)} with {@code newText}. */
public record OffsetEdit(int start, int end, String newText) {
}
