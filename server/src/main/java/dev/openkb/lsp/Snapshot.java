package dev.openkb.lsp;

import dev.openkb.lint.LintState;
import dev.openkb.lint.Linter;
import dev.openkb.lint.WikiIndex;
import java.util.Map;

/**
 * What readers of one KB see: the wiki index (disk, overlaid with open buffers), its lint, and the
 * buffer version each overlaid page was taken from. Published whole by the KB's index thread after
 * each change; readers never lock. Immutable.
 *
 * @param versions KB-relative page path to the buffer version in {@code index}; pages absent here
 *                 are as on disk
 */
record Snapshot(WikiIndex index, LintState lint, Map<String, Integer> versions) {
    Snapshot {
        versions = Map.copyOf(versions);
    }

    static Snapshot empty() {
        WikiIndex index = WikiIndex.empty();
        return new Snapshot(index, Linter.lint(index), Map.of());
    }
}
