package dev.openkb.agent;

/**
 * One result of a wiki search.
 *
 * @param path    the page, relative to {@code wiki/} ("concepts/attention.md")
 * @param title   its title, or ""
 * @param snippet the matching text, or ""
 */
public record SearchHit(String path, String title, String snippet) {
}
