package dev.openkb.wiki;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void replacesNonWordCharsAndStripsHyphens() {
        assertEquals("multi-head-attention", Slugs.concept("Multi Head Attention!"));
        assertEquals("c---templates", Slugs.concept("C++ templates"));
        assertEquals("unnamed-concept", Slugs.concept("!!!"));
        assertEquals("unnamed-concept", Slugs.concept(""));
    }

    @Test
    void newSlugsAreLowerCaseButOpenKbsFormKeepsCase() {
        assertEquals("attention", Slugs.concept("Attention"));
        assertEquals("Attention", Slugs.conceptPreservingCase("Attention"));
        assertEquals("Self_Attention-v2", Slugs.conceptPreservingCase("Self_Attention v2"));
    }

    @Test
    void keepsUnicodeLettersAndDigitsLikePythonsWordClass() {
        assertEquals("对接说明文档-已修订", Slugs.concept("对接说明文档（已修订）"));
        assertEquals("café-2", Slugs.concept("Cafe\u0301 ２"));
        // Python's \w has no combining marks: a Devanagari vowel sign becomes '-' as in OpenKB.
        assertEquals("क--त", Slugs.concept("कि त"));
    }
}
