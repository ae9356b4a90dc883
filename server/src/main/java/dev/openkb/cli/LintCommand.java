package dev.openkb.cli;

import dev.openkb.agent.AgentModels;
import dev.openkb.agent.ChatModel;
import dev.openkb.engine.KbException;
import dev.openkb.engine.VisibleText;
import dev.openkb.kb.KbConfig;
import dev.openkb.lint.LintReportWriter;
import dev.openkb.engine.CancelToken;
import dev.openkb.lint.FixResult;
import dev.openkb.lint.LintMemo;
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
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "lint", description = "Check the wiki's structure (broken links, orphans, index sync, frontmatter), then, with a model"
        + " configured, its knowledge (contradictions, gaps, staleness...). Exit 0 clean, 1 structural findings.")
final class LintCommand implements Callable<Integer> {
    enum Format { text, json }

    static final String SKIPPED = "Knowledge lint not run: skipped with --no-knowledge.";

    @ParentCommand
    Main main;

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

    @Option(names = "--no-knowledge", description = "Skip the knowledge (LLM) lint; only the structural checks run.")
    boolean noKnowledge;

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
            LintMemo.Result result = svc.lintResult(CancelToken.none());
            LintState state = result.state();
            if (kb.verbose) {
                spec.commandLine().getErr().println(result.fromMemo()
                        ? "lint: inputs unchanged since the last lint; its findings are reused (.openkb/cache/lint-result.bin)"
                        : "lint: full structural lint");
            }
            String report = LintReport.text(state);
            if (text) {
                out.println("Running structural lint...");
                out.println(VisibleText.escapeKeepingNewlines(report));
            } else {
                out.println(LintReport.json(state));
            }
            String knowledge = knowledge(svc, text ? out : spec.commandLine().getErr());
            if (!noReport) {
                Path written = svc.writeLintReport(report, knowledge, CancelToken.none());
                (text ? out : spec.commandLine().getErr()).println("Report written to " + VisibleText.escape(written.toString()));
            }
            return state.exitCode();
        }
    }

    /**
     * Runs the knowledge lint when a model is configured and may be called, printing it on
     * {@code to}; otherwise says why it did not run. Either way returns the report's "Semantic" text.
     */
    private String knowledge(KbService svc, PrintWriter to) {
        KbConfig config = svc.config();
        String result;
        if (noKnowledge) {
            result = SKIPPED;
        } else if (config.isOffline()) {
            result = LintReportWriter.SEMANTIC_NOT_RUN;
        } else {
            ChatModel model;
            try {
                model = AgentModels.forConfig(config, svc.layout(), main.env());
            } catch (KbException e) {
                // No key, a bad base_url or an endpoint the user has not approved: nothing was sent.
                result = "Knowledge lint not run: " + e.getMessage();
                to.println(VisibleText.escapeKeepingNewlines(result));
                return result;
            }
            to.println("Running knowledge lint...");
            result = svc.knowledgeLint(model, CancelToken.none());
            to.println("## Knowledge Lint");
            to.println();
            to.println(VisibleText.escapeKeepingNewlines(result));
            return result;
        }
        to.println(result);
        return result;
    }
}
