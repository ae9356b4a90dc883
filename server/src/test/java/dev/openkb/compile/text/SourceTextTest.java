package dev.openkb.compile.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.KbException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceTextTest {
    private static final int MAX = SourceText.SAMPLE_CHARS;

    @TempDir
    Path dir;

    @Test
    void aTextUpToTheLimitIsItsOwnSample() {
        String text = "a".repeat(MAX - 1) + "\n";
        assertEquals(text, SourceText.sample(text));
        assertEquals("", SourceText.sample(""));
    }

    @Test
    void aLongerTextIsCutAtTheLastBlankLineBeforeTheLimit() {
        String first = "word ".repeat(MAX / 5 * 3 / 5);
        String text = first + "\n\n" + "next paragraph ".repeat(100) + "\n\n" + "x".repeat(MAX);
        String sample = SourceText.sample(text);
        assertEquals(first + "\n\n" + "next paragraph ".repeat(100), sample);
        assertTrue(sample.length() <= MAX);
    }

    @Test
    void withoutABlankLineInItsSecondHalfTheCutFallsOnALineThenOnWhiteSpaceThenAtTheLimit() {
        String rows = "| row | cells |\n".repeat(MAX / 16 + 100);
        String byLine = SourceText.sample(rows);
        assertTrue(byLine.endsWith("| row | cells |") && byLine.length() <= MAX, byLine.substring(byLine.length() - 20));
        String words = "abcdefghi ".repeat(MAX / 10 + 100);
        String byWord = SourceText.sample(words);
        assertTrue(byWord.endsWith("abcdefghi ") && byWord.length() <= MAX);
        assertEquals(MAX, SourceText.sample("y".repeat(MAX + 5)).length());
        String pairs = "😀".repeat(MAX);
        assertEquals(MAX, SourceText.sample(pairs).length(), "an even cut keeps every pair whole");
        assertEquals(MAX - 1, SourceText.sample("z" + pairs).length(), "never between the halves of a pair");
    }

    @Test
    void aSourceIsReadOnlyAsFarAsItsSampleNeeds() throws IOException {
        Path md = dir.resolve("big.md");
        String head = "A paragraph about SQLite and crash recovery.\n\n".repeat(MAX / 46 + 2000);
        try (OutputStream out = Files.newOutputStream(md)) {
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {(byte) 0xC3, (byte) 0x28}); // invalid UTF-8, 90 KB past the sample
        }
        assertThrows(CharacterCodingException.class, () -> Files.readString(md));
        assertEquals(SourceText.sample(head), SourceText.sample(md, false));
        Path small = dir.resolve("small.md");
        Files.write(small, new byte[] {'o', 'k', ' ', (byte) 0xC3, (byte) 0x28});
        assertThrows(CharacterCodingException.class, () -> SourceText.sample(small, false), "invalid UTF-8 inside the sample still fails");
    }

    @Test
    void aLongDocumentsPagesAreJoinedAndStreamedUpToTheSample() throws IOException {
        Path json = dir.resolve("doc.json");
        String page = "Page text about the undo journal. ".repeat(1000);
        StringBuilder b = new StringBuilder("[{\"page\": 1, \"content\": \"one\"}, {\"page\": 2, \"text\": \"  \", \"markdown\": \"two\"}");
        for (int i = 0; i < 40; i++) {
            b.append(", {\"content\": \"").append(page).append("\"}");
        }
        b.append(", {\"content\": "); // truncated far past the sample: never read
        Files.writeString(json, b);
        String sample = SourceText.sample(json, true);
        assertTrue(sample.startsWith("one\n\ntwo\n\n" + page + "\n\n"), sample.substring(0, 40));
        assertEquals(SourceText.sample("one\n\ntwo\n\n" + (page + "\n\n").repeat(40)), sample);
        Files.writeString(json, "{\"content\": \"not an array\"}");
        KbException e = assertThrows(KbException.class, () -> SourceText.sample(json, true));
        assertTrue(e.getMessage().contains("expected a JSON array of pages"), e.getMessage());
    }
}
