package dev.openkb.wiki;

/** Replace the whole {@code [[...]]} span of {@code link} by {@code replacement} (see {@link WikiLinks#replace}). */
public record LinkEdit(WikiLink link, String replacement) {
}
