package dev.openkb.reliability;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.engine.ProgressListener;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.OperationLog;
import dev.openkb.recompile.RecompileReport;
import dev.openkb.service.KbService;
import dev.openkb.service.OpenKb;
import dev.openkb.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * {@code recompile write-ahead-logging} on a KB of two added samples: the document's pages in one
 * transaction, then the {@code recompile} log line in another. Units: 0 = the pages, 1 = the log
 * line "recompiled 1, skipped 0", 2 = the log line "recompiled 0, skipped 1" (the compile failed and
 * was rolled back, the log line still written). Immutable.
 */
final class RecompileScenario implements Scenario {
    private static final String DOC = "write-ahead-logging";

    @Override
    public String name() {
        return "recompile";
    }

    @Override
    public int units() {
        return 2;
    }

    @Override
    public KbLayout build(Path kb, Path inputs) throws IOException {
        KbLayout layout = Fixtures.kb(kb);
        List<Path> files = Samples.copy(inputs, DOC + ".md", "fsync-notes.txt");
        try (OpenKb engine = new OpenKb(new RealFileOps(), w -> { }, Workbench.CLOCK)) {
            if (engine.kb(layout).add(files, 1, ProgressListener.NONE, CancelToken.none()).added() != 2) {
                throw new IllegalStateException("seeding the recompile KB failed");
            }
        }
        // A hand-edited summary, so the recompile has pages to rewrite (on an untouched KB it writes nothing).
        Files.writeString(layout.summary(DOC), "---\ntype: \"Summary\"\ndescription: \"edited by hand\"\n---\n\nstale\n",
                StandardCharsets.UTF_8);
        return layout;
    }

    @Override
    public Reported run(KbService kb, Path inputs) {
        RecompileReport r;
        try {
            r = kb.recompile(DOC, false, CancelToken.none());
        } catch (KbException e) {
            // The pages' or the log line's transaction failed, and the per-document report went with
            // the exception: whether the pages committed is not said.
            return new Reported(Set.of(Set.of(), Set.of(0)), e.code() == ErrorCode.DIRTY_ROLLBACK ? e.getMessage() : null);
        }
        return Reported.definite(r.count(RecompileReport.Status.RECOMPILED) == 1 ? Set.of(0, 1) : Set.of(2));
    }

    @Override
    public void reference(KbService kb, Path inputs, Set<Integer> units) throws IOException {
        KbLayout l = kb.layout();
        byte[] logBefore = Files.readAllBytes(l.logMd());
        if (units.contains(0)) {
            kb.recompile(DOC, false, CancelToken.none());
            if (!units.contains(1)) {
                Files.write(l.logMd(), logBefore); // the pages without their log line
            }
        } else if (units.contains(2)) {
            String line = OperationLog.entry(LocalDateTime.now(Workbench.CLOCK), "recompile", "recompiled 0, skipped 1");
            Files.writeString(l.logMd(), new String(logBefore, StandardCharsets.UTF_8) + line, StandardCharsets.UTF_8);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
