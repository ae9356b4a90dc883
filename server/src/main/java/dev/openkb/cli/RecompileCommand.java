package dev.openkb.cli;

import dev.openkb.engine.VisibleText;
import dev.openkb.engine.CancelToken;
import dev.openkb.recompile.RecompileReport;
import dev.openkb.service.OpenKb;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "recompile", description = "Run the compiler again on a document (or --all), one journaled transaction per document.")
final class RecompileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KbOptions kb;

    @Parameters(arity = "0..1", paramLabel = "DOC_NAME")
    String docName;

    @Option(names = "--all", description = "Recompile every document.")
    boolean all;

    @Option(names = "--dry-run", description = "List what would be recompiled.")
    boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if ((docName == null) == !all) {
            spec.commandLine().getErr().println(docName == null
                    ? "Specify a document name or pass --all to recompile every document."
                    : "Specify either a DOC_NAME or --all, not both.");
            return Main.USAGE;
        }
        try (OpenKb engine = kb.engine(spec.commandLine().getErr(), w -> spec.commandLine().getErr().println("[WARN] " + w))) {
            RecompileReport r = engine.kb(kb.layout()).recompile(all ? null : docName, dryRun, CancelToken.none());
            if (dryRun) {
                out.println("Would recompile " + r.count(RecompileReport.Status.PLANNED) + " document(s):");
            }
            for (RecompileReport.Item i : r.items()) {
                out.println("  - " + VisibleText.escape(i.docName()) + "  (" + i.kind() + ")"
                        + (i.reason() == null ? "" : ": " + VisibleText.escape(i.reason())));
            }
            long done = r.count(RecompileReport.Status.RECOMPILED);
            if (!dryRun) {
                out.println("Done: recompiled " + done + ", skipped " + (r.items().size() - done) + ".");
            }
            return !dryRun && done < r.items().size() ? Main.FAILURE : Main.OK;
        }
    }
}
