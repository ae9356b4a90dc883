package dev.openkb.lint;

import java.util.Map;

/**
 * One lint finding.
 *
 * @param code     a stable code, one of {@link LintCodes}
 * @param severity how loud it is
 * @param path     KB-relative path of the file it is about (and where it shows: index.md for index
 *                 findings, {@code raw/<name>} for a raw file without wiki entry)
 * @param range    exact span: the {@code [[link]]}, the bad YAML line, the frontmatter block, the
 *                 first line of the page, the index section heading...
 * @param message  for humans
 * @param data     what a quick fix or a report needs (keys documented per code in {@link LintCodes})
 */
public record LintFinding(String code, Severity severity, String path, Range range, String message,
        Map<String, String> data) {

    public LintFinding {
        data = Map.copyOf(data);
    }
}
