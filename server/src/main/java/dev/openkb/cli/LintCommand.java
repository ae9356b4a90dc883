package dev.openkb.cli;

import dev.openkb.engine.VisibleText;
import dev.openkb.engine.CancelToken;
import dev.openkb.lint.FixResult;
import dev.openkb.lint.LintReport;
import dev.openkb.lint.LintState;
import dev.openkb.service.KbService;
import dev.openkb.service.OpenKb;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "lint", description = "Check the wiki's structure: broken links, orphans, index sync, frontmatter. Exit 0 clean, 1 findings.")
final class LintCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    KbOptions kb;

    @Option(names = "--fix", description = "Repair broken wikilinks first (one journaled transaction).")
    boolean fix;

    @Option(names = "--format", defaultValue = "text", description = "text (OpenKB's report) or json.")
    Format format;

    @Option(names = "--no-report", description = "Do not write wiki/reports/lint_<ts>.md and its log line.")
    boolean noReport;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean text = format == Format.text;
        try (OpenKb engine = kb.engine(spec.commandLine().getErr(), w -> spec.commandLine().getErr().println(w))) {
            KbService svc = engine.kb(kb.layout());
            if (fix) {
                FixResult r = svc.fixLinks(CancelToken.none());
                String msg = r.filesChanged() == 0 ? "Nothing to fix — all wikilinks resolve."
                        : "Fixed " + (r.linksRewritten() + r.linksDemoted()) + " wikilink(s) across " + r.filesChanged() + " file(s).";
                (text ? out : spec.commandLine().getErr()).println(msg);
            }
            LintState state = svc.lint(CancelToken.none());
            String report = LintReport.text(state);
            if (text) {
                out.println("Running structural lint...");
                out.println(VisibleText.escapeKeepingNewlines(report));
            } else {
                out.println(LintReport.json(state));
            }
            if (!noReport) {
                Path written = svc.writeLintReport(report, CancelToken.none());
                (text ? out : spec.commandLine().getErr()).println("Report written to " + VisibleText.escape(written.toString()));
            }
            return state.exitCode();
        }
    }
}
