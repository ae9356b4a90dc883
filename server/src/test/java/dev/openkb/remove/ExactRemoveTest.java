package dev.openkb.remove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ProgressListener;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbLayout;
import dev.openkb.service.KbService;
import dev.openkb.service.OpenKb;
import dev.openkb.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remove is exact: a shared concept page keeps only what the other documents put there. Nothing the
 * removed document contributed — its {@code ## From} section, the quotes in it, a description taken
 * from it, its link — is left on a page or in {@code index.md}.
 */
class ExactRemoveTest {
    /** Sentences only the removed document says; each must vanish from the wiki. */
    private static final List<String> ALPHA_ONLY = List.of(
            "A write-ahead log records every change before the change reaches the data files",
            "The write-ahead log is replayed after a crash",
            "Crash recovery reads the write-ahead log from its last checkpoint",
            "A checkpoint bounds how much of the write-ahead log recovery must read");
    private static final String ALPHA = "# Alpha notes\n\n" + String.join(". ", ALPHA_ONLY) + ".\n";
    private static final String BETA = """
            # Beta notes

            Crash recovery brings a database back to a consistent state. Crash recovery replays the
            write-ahead log after a failure. The write-ahead log holds the changes in order. Every
            checkpoint shortens crash recovery.
            """;

    @TempDir
    Path dir;

    @Test
    void sharedPagesAndTheIndexKeepNothingTheRemovedDocumentContributed() throws IOException {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        Path alpha = Fixtures.write(dir.resolve("in/alpha.md"), ALPHA);
        Path beta = Fixtures.write(dir.resolve("in/beta.md"), BETA);
        try (OpenKb engine = new OpenKb(new RealFileOps(), w -> { }, RemoveTest.CLOCK)) {
            KbService service = engine.kb(kb);
            assertEquals(2, service.add(List.of(alpha, beta), 1, ProgressListener.NONE, CancelToken.none()).added());
            Path shared = kb.concept("write-ahead-log");
            String before = Files.readString(shared);
            assertTrue(before.contains("## From alpha") && before.contains("## From beta"), before);
            assertTrue(quotesOf(before).stream().anyMatch(ALPHA_ONLY::contains), "the page quotes alpha before the remove");

            assertTrue(service.remove("alpha", RemoveOptions.defaults(), CancelToken.none()).removed());
        }
        String after = Files.readString(kb.concept("write-ahead-log"));
        assertFalse(after.contains("alpha"), after);
        assertTrue(after.contains("## From beta"), "beta's contribution stays: " + after);
        List<Path> texts = new ArrayList<>(List.of(kb.indexMd()));
        try (Stream<Path> s = Stream.concat(Files.list(kb.conceptsDir()), Files.list(kb.entitiesDir()))) {
            texts.addAll(s.toList());
        }
        for (Path p : texts) {
            String text = Files.readString(p);
            for (String sentence : ALPHA_ONLY) {
                assertFalse(text.contains(sentence), p.getFileName() + " still quotes alpha: " + sentence + "\n" + text);
            }
        }
    }

    /** The bullet texts of a page (its quotes), without a trailing full stop. */
    private static List<String> quotesOf(String page) {
        return page.lines().filter(l -> l.startsWith("- ") && !l.startsWith("- [["))
                .map(l -> l.substring(2).replaceAll("\\.$", "")).toList();
    }
}
