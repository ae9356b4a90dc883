package dev.openkb.lint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * All findings shown on one file, in a fixed order: the unit both the full and the incremental lint
 * compute, so an incremental result is the full result by construction wherever it recomputes.
 * Stateless.
 */
final class FileLint {
    static final Comparator<LintFinding> ORDER = Comparator
            .comparingInt((LintFinding f) -> f.range().startLine())
            .thenComparingInt(f -> f.range().startChar())
            .thenComparing(LintFinding::code)
            .thenComparing(LintFinding::message)
            .thenComparingInt(f -> f.range().endLine())
            .thenComparingInt(f -> f.range().endChar());

    private FileLint() {
    }

    /** Findings on {@code path}: a wiki page (index.md included), or {@code raw/<name>}. */
    static List<LintFinding> forPath(WikiIndex index, String path) {
        List<LintFinding> out = new ArrayList<>();
        if (path.startsWith("raw/")) {
            RawFile f = index.rawState().file(path.substring(4));
            if (f != null) {
                RawChecks.addFindings(index, f, out);
            }
        } else {
            WikiPage page = index.page(path).orElse(null);
            if (!path.equals(WikiIndex.INDEX_PATH)) {
                if (page != null) {
                    PageChecks.addFindings(index, page, out);
                }
            } else if (page == null) {
                out.add(IndexChecks.indexMissing());
            } else {
                IndexChecks.Scan scan = IndexChecks.scan(index, page);
                PageChecks.addFindings(index, page, scan.unresolved(), out);
                IndexChecks.addFindings(index, scan, out);
            }
        }
        return sorted(out);
    }

    /**
     * index.md's findings when only other pages changed (index.md itself unchanged and present):
     * its own page findings afresh, its index findings updated from {@code previous} (its findings in
     * {@code before}); its links re-resolved only where a page came or went when it is kept per line.
     */
    static List<LintFinding> forIndexAfterPageChanges(WikiIndex before, WikiIndex index, List<LintFinding> previous,
            Collection<String> changedPages) {
        List<LintFinding> out = new ArrayList<>();
        WikiPage page = index.page(WikiIndex.INDEX_PATH).orElseThrow();
        IndexChecks.Scan scan = index.indexMd() != null && index.indexMd() == before.indexMd() && index.indexMd().hasLines()
                ? IndexChecks.scanAfter(before, index, previous, changedPages, List.of())
                : IndexChecks.scan(index, page);
        PageChecks.addFindings(index, page, scan.unresolved(), out);
        IndexChecks.afterPageChanges(index, scan, previous, changedPages, out);
        return sorted(out);
    }

    /**
     * index.md's findings after an edit of index.md itself (present before and after), perhaps with
     * other pages: its own page findings afresh, its index findings updated from {@code previous}.
     */
    static List<LintFinding> forIndexAfterEdit(WikiIndex before, WikiIndex after, List<LintFinding> previous,
            Collection<String> changedPages) {
        List<LintFinding> out = new ArrayList<>();
        WikiPage page = after.page(WikiIndex.INDEX_PATH).orElseThrow();
        IndexMd.Delta delta = after.indexMd() == null ? null : after.indexMd().deltaFrom(before.indexMd());
        IndexChecks.Scan scan = delta != null
                ? IndexChecks.scanAfter(before, after, previous, changedPages, delta.added())
                : IndexChecks.scan(after, page);
        PageChecks.addFindings(after, page, scan.unresolved(), out);
        IndexChecks.afterIndexEdit(before, after, scan, previous, changedPages, out);
        return sorted(out);
    }

    static List<LintFinding> forRaw(WikiIndex index, RawFile f) {
        List<LintFinding> out = new ArrayList<>(1);
        RawChecks.addFindings(index, f, out);
        return out;
    }

    static List<LintFinding> sorted(List<LintFinding> out) {
        if (out.size() > 1) {
            out.sort(ORDER);
        }
        return List.copyOf(out);
    }
}
