package dev.openkb.cli;

import dev.openkb.engine.VisibleText;
import dev.openkb.engine.CancelToken;
import dev.openkb.journal.RecoveryReport;
import dev.openkb.service.OpenKb;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "recover", description = "Roll back interrupted mutations and reclaim orphaned staging.")
final class RecoverCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KbOptions kb;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // Recovery messages are printed from the report below, not as warnings, to avoid duplicates.
        try (OpenKb engine = kb.engine(spec.commandLine().getErr(), w -> { })) {
            RecoveryReport r = engine.kb(kb.layout()).recover(CancelToken.none());
            if (r.nothingToDo()) {
                out.println("Nothing to recover.");
            }
            r.lines().forEach(l -> out.println(VisibleText.escapeKeepingNewlines(l)));
            // A journal set aside this run is news the user must act on; later runs are clean again.
            return r.dirty() || !r.gaveUp().isEmpty() || !r.quarantined().isEmpty() ? Main.FAILURE : Main.OK;
        }
    }
}
