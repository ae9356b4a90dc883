package dev.openkb.client.progress;

/**
 * What a progress bar shows for an add.
 *
 * @param text     "n/total · stage · file", e.g. {@code 3/10 · converting · report.pdf}
 * @param fraction 0 to 1, never going backwards within one add
 */
public record ProgressLine(String text, double fraction) {
}
