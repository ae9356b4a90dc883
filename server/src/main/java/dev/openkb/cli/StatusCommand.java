package dev.openkb.cli;

import dev.openkb.engine.VisibleText;
import dev.openkb.engine.CancelToken;
import dev.openkb.service.OpenKb;
import dev.openkb.service.StatusReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "status", description = "Show the knowledge base, its documents and pages, and pending recovery work.")
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KbOptions kb;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (OpenKb engine = kb.engine(spec.commandLine().getErr(), w -> spec.commandLine().getErr().println(w))) {
            StatusReport s = engine.kb(kb.layout()).status(CancelToken.none());
            out.println("Knowledge base: " + VisibleText.escape(s.kb().toString()));
            out.println("Model: " + s.model());
            s.pages().forEach((dir, n) -> out.printf("  %-10s %d%n", dir + ":", n));
            out.printf("  %-10s %d%n", "raw:", s.rawFiles());
            out.println("Total indexed: " + s.documents() + " document(s)");
            out.println("Last operation: " + (s.lastOperation() == null ? "none" : VisibleText.escape(s.lastOperation())));
            if (s.pendingJournals().isEmpty()) {
                out.println("Pending journals: none");
            } else {
                out.println("Pending journals: " + s.pendingJournals().size() + " (run `openkb recover`)");
                s.pendingJournals().forEach(j -> out.println("  " + VisibleText.escape(j)));
            }
            if (!s.quarantined().isEmpty()) {
                out.println("Quarantined journals: " + s.quarantined().size() + " in .openkb/journal/quarantine (never acted on;"
                        + " inspect, then delete them)");
                s.quarantined().forEach(q -> out.println("  " + q.name() + ": " + q.reason()));
            }
        }
        return Main.OK;
    }
}
