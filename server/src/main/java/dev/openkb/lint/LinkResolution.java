package dev.openkb.lint;

import java.util.List;

/**
 * Where one link goes, by the index's resolution policy.
 *
 * @param status    RESOLVED (to {@code page}), SELF ({@code [[#heading]]}, {@code page} is the
 *                  source), MISSING or AMBIGUOUS (a bare stem shared by several pages)
 * @param page      the page linked to, or null
 * @param ambiguous for AMBIGUOUS, the keys of the pages sharing the stem (sorted); else empty
 * @param candidate for an unresolved link, the key {@code --fix} would rewrite it to, or null
 *                  (then {@code --fix} demotes it to text)
 */
public record LinkResolution(Status status, WikiPage page, List<String> ambiguous, String candidate) {
    public enum Status { RESOLVED, SELF, MISSING, AMBIGUOUS }

    public boolean resolved() {
        return status == Status.RESOLVED || status == Status.SELF;
    }
}
