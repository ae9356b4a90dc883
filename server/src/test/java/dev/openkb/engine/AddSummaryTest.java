package dev.openkb.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one summary line every face prints for an add. */
class AddSummaryTest {
    @Test
    void addedIsAlwaysSaidAndEveryOtherCountOnlyWhenItIsNotZero() {
        assertEquals("0 added", AddSummary.NONE.line());
        assertEquals("9 added", new AddSummary(9, 0, 0, 0, 0, 0).line());
        assertEquals("9 added, 1 unsupported", new AddSummary(9, 0, 0, 0, 1, 0).line());
        assertEquals("0 added, 2 skipped", new AddSummary(0, 2, 0, 0, 0, 0).line());
    }

    @Test
    void countsComeInOneFixedOrder() {
        assertEquals("1 added, 2 skipped, 3 failed, 4 cancelled, 5 unsupported, 6 passed over",
                new AddSummary(1, 2, 3, 4, 5, 6).line());
    }

    @Test
    void eachFinishedFileCountsOnceUnderItsStatus() {
        AddSummary s = AddSummary.NONE.plus(FileStatus.ADDED).plus(FileStatus.ADDED).plus(FileStatus.FAILED)
                .plus(FileStatus.CANCELLED).plus(FileStatus.SKIPPED).withScan(1, 2);
        assertEquals(new AddSummary(2, 1, 1, 1, 1, 2), s);
    }
}
