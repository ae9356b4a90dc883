package dev.openkb.lint;

import dev.openkb.wiki.PyText;
import dev.openkb.wiki.WikiLink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings about one page: broken links, orphan status, invalid frontmatter and missing OKF
 * fields, each in OpenKB's scope ({@link PageScope}). A pure function of the page and the
 * snapshot's resolution. Stateless.
 */
final class PageChecks {
    private PageChecks() {
    }

    /** One link that does not resolve, and why. */
    record Unresolved(WikiLink link, LinkResolution resolution) {
    }

    static void addFindings(WikiIndex index, WikiPage page, List<LintFinding> out) {
        addFindings(index, page, PageScope.isLintScanned(page.key()) ? unresolved(index, page) : List.of(), out);
    }

    /** As {@link #addFindings(WikiIndex, WikiPage, List)}, with the page's unresolved links already found. */
    static void addFindings(WikiIndex index, WikiPage page, List<Unresolved> unresolved, List<LintFinding> out) {
        String key = page.key();
        if (PageScope.isLintScanned(key)) {
            for (Unresolved u : unresolved) {
                out.add(brokenLink(LintCodes.BROKEN_LINK, page.relPath(), u.link(), u.resolution()));
            }
            if (page.frontmatterError() != null) {
                String error = page.frontmatterError().firstLine();
                out.add(new LintFinding(LintCodes.INVALID_FRONTMATTER, Severity.ERROR, page.relPath(), page.errorRange(),
                        "Invalid frontmatter YAML: " + error, Map.of("error", error)));
            }
        }
        if (PageScope.isOrphanCandidate(key) && page.links().isEmpty() && !index.hasIncomingFromOrphanScope(page)) {
            out.add(new LintFinding(LintCodes.ORPHAN_PAGE, Severity.INFORMATION, page.relPath(), firstLine(page),
                    "Orphaned page: no page links here and it links nowhere", Map.of("page", key)));
        }
        if (PageScope.isOkfChecked(key)) {
            okfField(page, "type", out);
            okfField(page, "description", out);
        }
    }

    private static List<Unresolved> unresolved(WikiIndex index, WikiPage page) {
        List<Unresolved> out = new ArrayList<>();
        for (WikiLink link : page.links()) {
            LinkResolution r = index.resolveLink(page.relPath(), link);
            if (!r.resolved()) {
                out.add(new Unresolved(link, r));
            }
        }
        return out;
    }

    /** A finding for an unresolved link; shared with the index check. */
    static LintFinding brokenLink(String code, String path, WikiLink link, LinkResolution r) {
        Map<String, String> data = new HashMap<>();
        data.put("link", link.targetText());
        data.put("target", link.lookupKey());
        if (r.candidate() != null) {
            data.put("candidate", r.candidate());
        }
        if (link.alias() != null) {
            data.put("alias", link.alias());
        }
        if (link.heading() != null) {
            data.put("heading", link.heading());
        }
        String message;
        if (r.status() == LinkResolution.Status.AMBIGUOUS) {
            data.put("reason", "ambiguous");
            data.put("candidates", String.join(",", r.ambiguous()));
            message = "Ambiguous link [[" + link.targetText() + "]]: " + r.ambiguous().size()
                    + " pages have this name (" + String.join(", ", r.ambiguous()) + ")";
        } else {
            data.put("reason", "missing");
            message = (code.equals(LintCodes.BROKEN_LINK) ? "Broken link [[" : "index.md links to missing page: [[")
                    + link.targetText() + "]]";
        }
        if (r.candidate() != null) {
            message += "; did you mean [[" + r.candidate() + "]]?";
        }
        return new LintFinding(code, Severity.WARNING, path,
                new Range(link.line(), link.startChar(), link.line(), link.endChar()), message, data);
    }

    private static void okfField(WikiPage page, String field, List<LintFinding> out) {
        if (page.frontmatter().get(field) instanceof String s && !PyText.strip(s).isEmpty()) {
            return;
        }
        Range range = page.hasFrontmatter() ? new Range(0, 0, page.frontmatterEndLine(), 3) : firstLine(page);
        out.add(new LintFinding(LintCodes.MISSING_OKF_FIELD, Severity.WARNING, page.relPath(), range,
                "missing non-empty '" + field + "'", Map.of("field", field)));
    }

    static Range firstLine(WikiPage page) {
        return Range.line(0, page.firstLineLength());
    }
}
