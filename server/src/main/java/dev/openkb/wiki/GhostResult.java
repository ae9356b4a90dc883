package dev.openkb.wiki;

/**
 * What {@link GhostLinks#strip} did: the new text and, per link occurrence, how many were kept as
 * they were, rewritten to a canonical target, or demoted to plain text (OpenKB's "ghosts").
 */
public record GhostResult(String text, int kept, int rewritten, int demoted) {
}
