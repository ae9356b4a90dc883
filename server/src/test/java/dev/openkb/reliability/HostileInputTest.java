package dev.openkb.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Layer 7: corrupt, encrypted and truncated PDFs, a zip bomb as .docx, an empty file, invalid
 * UTF-8, 10,000-deep HTML, names with a newline, a bidi override, NFD accents and dots, corrupt
 * registry and config, corrupt, empty, truncated and path-escaping journals, and planted journals and
 * symlinks aimed outside the KB (issue 12): each gets a clear
 * error or a clean add, and the KB stays intact.
 */
class HostileInputTest extends SweepTestBase {
    @Test
    void everyHostileInputGetsAClearErrorOrACleanAddAndTheKbStaysIntact() throws Exception {
        LayerResult r = HostileInputSweep.run(dir);
        System.out.println(r);
        assertEquals(24, r.count(), r.sentence());
        assertEquals(0, r.divergences().size(), r.toString());
    }
}
