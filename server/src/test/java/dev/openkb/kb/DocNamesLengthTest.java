package dev.openkb.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocNamesLengthTest {
    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void stemsThatFitAreOpenKbsNamesUnchanged() {
        String s = "a".repeat(DocNames.MAX_NAME_BYTES);
        assertEquals(s, DocNames.sanitizeStem(s));
        assertEquals("my-paper", DocNames.sanitizeStem("my paper"));
    }

    @Test
    void longerStemsAreCutDeterministicallyWithAHashOfTheWholeStem() {
        String a = DocNames.sanitizeStem("a".repeat(237));
        assertEquals(DocNames.MAX_NAME_BYTES, bytes(a));
        assertEquals(a, DocNames.sanitizeStem("a".repeat(237)), "deterministic");
        assertTrue(a.matches("a{191}-[0-9a-f]{8}"), a);
        assertNotEquals(a, DocNames.sanitizeStem("a".repeat(236) + "b"), "names sharing their head stay apart");
    }

    @Test
    void multiByteStemsAreCutBetweenCodePointsNeverInsideOne() {
        for (String unit : new String[] {"é", "語", "\uD840\uDC00"}) {
            String n = DocNames.sanitizeStem(unit.repeat(120));
            assertTrue(bytes(n) <= DocNames.MAX_NAME_BYTES, n);
            String head = n.substring(0, n.length() - 9);
            assertEquals(head, unit.repeat(head.length() / unit.length()), "only whole " + unit);
        }
    }

    @Test
    void aClashSuffixStillLeavesEveryDerivedNameUnder255Bytes() {
        String longest = DocNames.sanitizeStem("語".repeat(100)) + "-" + "0".repeat(8);
        // trash-add-<doc>-<8hex> (staging), .<doc>.json.<8hex>.tmp (temp), 00001-<doc>.json (backup)
        for (String derived : new String[] {"trash-add-" + longest + "-12345678", "." + longest + ".json.12345678.tmp",
                "00001-" + longest + ".json"}) {
            assertTrue(bytes(derived) <= 255, derived + ": " + bytes(derived));
        }
    }
}
