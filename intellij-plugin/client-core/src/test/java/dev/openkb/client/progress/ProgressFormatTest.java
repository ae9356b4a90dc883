package dev.openkb.client.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.client.protocol.FileProgress;
import org.junit.jupiter.api.Test;

class ProgressFormatTest {
    private static FileProgress event(String file, int index, int total, String stage, String status, String reason) {
        return new FileProgress("file:///kb/raw/" + file, null, index, total, stage, status, reason);
    }

    @Test
    void showsIndexTotalStageAndFileName() {
        ProgressLine line = ProgressFormat.line(event("report.pdf", 3, 10, "converting", null, null), 2.2);
        assertEquals("3/10 · converting · report.pdf", line.text());
        assertEquals(0.22, line.fraction(), 1e-9);
    }

    @Test
    void aDoneFileShowsItsStatusAndReason() {
        ProgressLine line = ProgressFormat.line(event("a.md", 1, 2, "done", "skipped", "already in the knowledge base"), 1);
        assertEquals("1/2 · skipped · a.md — already in the knowledge base", line.text());
    }

    @Test
    void fractionIsZeroAtTheStartAndOneAtTheEndAndClamped() {
        assertEquals(0, ProgressFormat.line(event("a.md", 1, 4, "queued", null, null), 0).fraction());
        assertEquals(1, ProgressFormat.line(event("a.md", 4, 4, "done", "added", null), 4).fraction());
        assertEquals(1, ProgressFormat.line(event("a.md", 4, 4, "done", "added", null), 9).fraction());
        assertEquals(0, ProgressFormat.line(event("a.md", 0, 0, "queued", null, null), 3).fraction());
    }

    @Test
    void percentReachesOneHundredOnlyWhenEverythingIsDone() {
        assertEquals(0, ProgressFormat.percent(0));
        assertEquals(50, ProgressFormat.percent(0.5));
        assertEquals(99, ProgressFormat.percent(0.999));
        assertEquals(100, ProgressFormat.percent(1));
        assertEquals(33, ProgressFormat.percent(1.0 / 3));
    }

    @Test
    void fileNamesAreDecodedFromUris() {
        assertEquals("My Notes.pdf", ProgressFormat.fileName("file:///home/u/My%20Notes.pdf"));
        assertEquals("folder", ProgressFormat.fileName("file:///home/u/folder/"));
        assertEquals("?", ProgressFormat.fileName(null));
        assertEquals("odd name.txt", ProgressFormat.fileName("file:///x/odd name.txt"));
    }

    @Test
    void unknownStagesCountAsNotStarted() {
        assertEquals(0, ProgressFormat.stageWeight("uploading"));
        assertTrue(ProgressFormat.stageWeight("hashing") < ProgressFormat.stageWeight("converting"));
        assertTrue(ProgressFormat.stageWeight("prepared") < ProgressFormat.stageWeight("committing"));
        assertEquals(1, ProgressFormat.stageWeight("done"));
    }
}
