package dev.openkb.cli;

import dev.openkb.engine.VisibleText;
import dev.openkb.engine.CancelToken;
import dev.openkb.remove.RemoveOptions;
import dev.openkb.remove.RemovePlan;
import dev.openkb.remove.RemoveReport;
import dev.openkb.service.KbService;
import dev.openkb.service.OpenKb;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "remove", description = "Remove a document and what it contributed, as one journaled transaction.")
final class RemoveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KbOptions kb;

    @Parameters(paramLabel = "IDENTIFIER", description = "File name, doc_name, or a unique part of either.")
    String identifier;

    @Option(names = "--dry-run", description = "Show the plan; change nothing.")
    boolean dryRun;

    @Option(names = "--keep-raw", description = "Keep the raw copy in raw/.")
    boolean keepRaw;

    @Option(names = {"--keep-empty", "--keep-empty-concepts"}, description = "Keep concept/entity pages left without sources.")
    boolean keepEmpty;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        RemoveOptions opts = new RemoveOptions(dryRun, keepRaw, keepEmpty);
        try (OpenKb engine = kb.engine(spec.commandLine().getErr(), w -> spec.commandLine().getErr().println(w))) {
            KbService svc = engine.kb(kb.layout());
            RemovePlan plan = svc.planRemove(identifier, opts, CancelToken.none());
            out.println("Removing " + VisibleText.escape(plan.entry().name()) + " (doc_name: " + VisibleText.escape(plan.docName()) + "):");
            plan.lines().forEach(l -> out.println(VisibleText.escapeKeepingNewlines(l)));
            if (dryRun) {
                out.println("(dry-run — nothing modified)");
                return Main.OK;
            }
            if (!yes && !confirm(out)) {
                out.println("Aborted.");
                return Main.FAILURE;
            }
            RemoveReport r = svc.remove(identifier, opts, CancelToken.none());
            if (r.linksFixed() > 0) {
                out.println("lint --fix cleaned " + r.linksFixed() + " dangling wikilink(s)");
            }
            out.println("[OK] " + VisibleText.escape(plan.entry().name()) + " removed from knowledge base.");
            return Main.OK;
        }
    }

    private boolean confirm(PrintWriter out) throws IOException {
        if (System.console() == null) {
            out.println("Refusing to remove without confirmation when not on a terminal; pass -y.");
            return false;
        }
        out.print("Proceed? [y/N] ");
        out.flush();
        String answer = new BufferedReader(new InputStreamReader(System.in)).readLine();
        return answer != null && answer.trim().toLowerCase(java.util.Locale.ROOT).startsWith("y");
    }
}
