package dev.openkb.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openkb.wiki.PyText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Renders a {@link LintState} as OpenKB's structural report (same headings, bullets, clean
 * sentences, blank lines and sort orders as {@code run_structural_lint}, paths wiki-relative) and as
 * JSON for tools. Stateless.
 */
public final class LintReport {
    private LintReport() {
    }

    /** OpenKB's Markdown report; no trailing newline, like OpenKB's. */
    public static String text(LintState state) {
        List<LintFinding> all = state.all();
        List<String> lines = new ArrayList<>();
        lines.add("## Structural Lint Report\n");
        section(lines, "Broken Links", "No broken links found.",
                issues(all, LintCodes.BROKEN_LINK, f -> "Broken link [[" + f.data().get("link") + "]] in " + wikiRel(f.path()),
                        PyText.CODEPOINT_ORDER), true);
        section(lines, "Orphaned Pages", "No orphaned pages found.",
                issues(all, LintCodes.ORPHAN_PAGE, f -> f.data().get("page"), PyText.CODEPOINT_ORDER), true);
        section(lines, "Raw Files Without Wiki Entry", "All raw files have wiki entries.",
                issues(all, LintCodes.MISSING_WIKI_ENTRY, f -> f.data().get("file"), PyText.CODEPOINT_ORDER), true);
        List<String> index = new ArrayList<>(issues(all, LintCodes.INDEX_MISSING, f -> f.message(), PyText.CODEPOINT_ORDER));
        index.addAll(issues(all, LintCodes.INDEX_BROKEN_LINK,
                f -> "index.md links to missing page: [[" + f.data().get("link") + "]]", PyText.CODEPOINT_ORDER));
        index.addAll(issues(all, LintCodes.INDEX_MISSING_PAGE, LintFinding::message, PyText.CODEPOINT_ORDER));
        index.sort(PyText.CODEPOINT_ORDER);
        section(lines, "Index Sync Issues", "Index is in sync.", index, true);
        section(lines, "Invalid Frontmatter", "All frontmatter parses as valid YAML.",
                byPage(all, LintCodes.INVALID_FRONTMATTER, f -> f.data().get("error")), true);
        section(lines, "OKF Conformance", "All knowledge pages carry required OKF fields.",
                byPage(all, LintCodes.MISSING_OKF_FIELD, LintFinding::message), false);
        return String.join("\n", lines);
    }

    /** The CLI's exit code for a lint: 0 when clean, 1 when there are findings. */
    public static int exitCode(LintState state) {
        return state.exitCode();
    }

    /** {@code {"findings":[...],"counts":{code:n}}}, findings sorted by path then range. */
    public static String json(LintState state) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode findings = root.putArray("findings");
        for (LintFinding f : state.all()) {
            ObjectNode n = findings.addObject();
            n.put("code", f.code());
            n.put("severity", f.severity().wireName());
            n.put("path", f.path());
            ObjectNode range = n.putObject("range");
            range.putObject("start").put("line", f.range().startLine()).put("character", f.range().startChar());
            range.putObject("end").put("line", f.range().endLine()).put("character", f.range().endChar());
            n.put("message", f.message());
            ObjectNode data = n.putObject("data");
            new TreeMap<>(f.data()).forEach(data::put);
        }
        ObjectNode counts = root.putObject("counts");
        state.counts().forEach(counts::put);
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    private static void section(List<String> lines, String title, String clean, List<String> issues, boolean blank) {
        lines.add("### " + title + " (" + issues.size() + ")");
        if (issues.isEmpty()) {
            lines.add(clean);
        } else {
            issues.forEach(i -> lines.add("- " + i));
        }
        if (blank) {
            lines.add("");
        }
    }

    private static List<String> issues(List<LintFinding> all, String code, Function<LintFinding, String> line,
            Comparator<String> order) {
        return all.stream().filter(f -> f.code().equals(code)).map(line).sorted(order).toList();
    }

    /** OpenKB lists frontmatter issues in page path order, as {@code <rel>: <issue>}. */
    private static List<String> byPage(List<LintFinding> all, String code, Function<LintFinding, String> issue) {
        return all.stream().filter(f -> f.code().equals(code))
                .sorted(Comparator.comparing((LintFinding f) -> wikiRel(f.path()), PyText.PATH_ORDER)
                        .thenComparing(f -> f.data().getOrDefault("field", "").equals("description") ? 1 : 0))
                .map(f -> wikiRel(f.path()) + ": " + issue.apply(f)).toList();
    }

    private static String wikiRel(String kbRelPath) {
        return kbRelPath.startsWith("wiki/") ? kbRelPath.substring(5) : kbRelPath;
    }
}
