package dev.openkb.lint;

import java.util.List;
import java.util.Map;

/**
 * OpenKB's {@code find_missing_entries} for one raw file: a registered file has its entry when
 * {@code sources/<doc>.md}, {@code sources/<doc>.json} or {@code summaries/<doc>.md} exists; an
 * unregistered one when a {@code sources/} or {@code summaries/} page has its stem. Stateless.
 */
final class RawChecks {
    private RawChecks() {
    }

    static String pathOf(RawFile f) {
        return "raw/" + f.name();
    }

    static void addFindings(WikiIndex index, RawFile f, List<LintFinding> out) {
        String doc = f.docName();
        boolean present = index.page("wiki/sources/" + doc + ".md").isPresent()
                || index.page("wiki/summaries/" + doc + ".md").isPresent()
                || (f.registered() && index.rawState().hasSourceJson(doc));
        if (!present) {
            out.add(new LintFinding(LintCodes.MISSING_WIKI_ENTRY, Severity.WARNING, pathOf(f), Range.FILE_START,
                    "Raw file " + f.name() + " has no wiki entry (no sources/" + doc + " or summaries/" + doc + ")",
                    Map.of("file", f.name(), "docName", doc, "registered", Boolean.toString(f.registered()))));
        }
    }
}
