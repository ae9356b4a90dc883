package dev.openkb.cli;

import dev.openkb.engine.VisibleText;
import dev.openkb.engine.CancelToken;
import dev.openkb.service.Catalog;
import dev.openkb.service.OpenKb;
import dev.openkb.service.StatusReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
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
            var service = engine.kb(kb.layout());
            StatusReport s = service.status(CancelToken.none());
            Catalog catalog = service.catalog(CancelToken.none());
            out.println("Knowledge base: " + VisibleText.escape(s.kb().toString()));
            out.println("Model: " + s.model());
            s.pages().forEach((dir, n) -> out.printf("  %-10s %d%n", dir + ":", n));
            out.printf("  %-10s %d%n", "raw:", s.rawFiles());
            out.println("Total indexed: " + s.documents() + " document(s)");
            printDocuments(out, catalog);
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

    /** Shown in status: the newest documents first; {@code list} shows them all. */
    static final int RECENT_DOCUMENTS = 5;

    /** "Documents: 3 (2 short, 1 pageindex)", then the most recently added ones. */
    static void printDocuments(PrintWriter out, Catalog c) {
        if (c.documents().isEmpty()) {
            out.println("Documents: none");
            return;
        }
        Map<String, Long> byType = c.documents().stream().collect(Collectors.groupingBy(
                d -> String.valueOf(d.docType()), TreeMap::new, Collectors.counting()));
        out.println("Documents: " + c.documents().size() + " (" + byType.entrySet().stream()
                .map(e -> e.getValue() + " " + VisibleText.escape(e.getKey())).collect(Collectors.joining(", ")) + ")");
        List<Catalog.Document> recent = new ArrayList<>(c.documents());
        Collections.reverse(recent); // registry order is insertion order: newest last
        recent.sort(Comparator.comparing(Catalog.Document::added, Comparator.nullsLast(Comparator.reverseOrder())));
        for (Catalog.Document d : recent.subList(0, Math.min(RECENT_DOCUMENTS, recent.size()))) {
            out.println("  " + (d.added() == null ? "                   " : VisibleText.escape(d.added())) + "  "
                    + VisibleText.escape(d.name()) + " (" + VisibleText.escape(String.valueOf(d.docType())) + ")");
        }
        if (recent.size() > RECENT_DOCUMENTS) {
            out.println("  … and " + (recent.size() - RECENT_DOCUMENTS) + " more (openkb list)");
        }
    }
}
