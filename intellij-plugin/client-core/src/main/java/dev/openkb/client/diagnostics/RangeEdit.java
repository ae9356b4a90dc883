package dev.openkb.client.diagnostics;

import dev.openkb.client.protocol.Results.Range;

/** LSP's text edit: replace {@code range} with {@code newText}. */
public record RangeEdit(Range range, String newText) {
}
