package dev.openkb.client.progress;

/**
 * What a progress bar shows for an add.
 *
 * @param text     the server's message, e.g. {@code 3/10 converting report.pdf}
 * @param fraction the server's percentage over 100, never going backwards within one add
 */
public record ProgressLine(String text, double fraction) {
}
