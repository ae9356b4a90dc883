package dev.openkb.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.add.AddReport;
import dev.openkb.add.FileResult;
import dev.openkb.add.ScanResult;
import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ProgressListener;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbLayout;
import dev.openkb.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KbService.add passes over the KB's own folders, also through a symlink (issue 14.6). */
class AddExcludesKbItselfTest {
    @TempDir
    Path dir;

    @Test
    void theKbsOwnFoldersAreNeverInputs() throws Exception {
        try (OpenKb engine = new OpenKb(new RealFileOps(), w -> { })) {
            KbLayout kb = engine.init(dir.resolve("kb"), "offline", "en");
            Fixtures.write(kb.root().resolve("notes/a.md"), "# A\n\nAbout attention.\n");
            Path outside = dir.resolve("inbox");
            Files.createDirectories(outside);
            Fixtures.write(outside.resolve("b.md"), "# B\n\nAbout transformers.\n");
            Files.createSymbolicLink(outside.resolve("the-wiki"), kb.wikiDir());

            AddReport r = engine.kb(kb).add(List.of(kb.root(), outside), 1, ProgressListener.NONE, CancelToken.none());

            assertEquals(List.of("a", "b"), r.files().stream().map(FileResult::docName).toList());
            List<Path> kbItself = r.passedOver().stream()
                    .filter(s -> s.reason().equals("part of the knowledge base itself")).map(ScanResult.Skipped::path).toList();
            assertTrue(kbItself.containsAll(List.of(kb.rawDir(), kb.wikiDir(), kb.openkbDir(), outside.resolve("the-wiki"))),
                    r.passedOver().toString());
        }
    }
}
