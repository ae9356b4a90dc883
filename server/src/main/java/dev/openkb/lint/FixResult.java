package dev.openkb.lint;

import java.util.List;

/**
 * What {@link LinkFixer#fix} changed: files rewritten, links rewritten to their repair candidate,
 * links demoted to plain text, and the KB-relative paths of the rewritten files, sorted.
 */
public record FixResult(int filesChanged, int linksRewritten, int linksDemoted, List<String> changedPaths) {
    public FixResult {
        changedPaths = List.copyOf(changedPaths);
    }
}
