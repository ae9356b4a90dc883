package dev.openkb.lint;

import java.util.Set;

/**
 * The result of an incremental lint: the complete new finding set and the files whose findings
 * differ from before (the LSP server republishes exactly those, including files that became clean).
 */
public record LintUpdate(LintState state, Set<String> changedFiles) {
    public LintUpdate {
        changedFiles = Set.copyOf(changedFiles);
    }
}
