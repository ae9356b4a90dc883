package dev.openkb.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.Registry;
import dev.openkb.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The setting {@code openkb.watch} (issue 17.2): the server adds what lands in raw/ and reports it as an add. */
class WatchSettingTest {
    @TempDir
    Path dir;

    private static JsonObject options(boolean watch) {
        JsonObject openkb = new JsonObject();
        openkb.addProperty("watch", watch);
        JsonObject settings = new JsonObject();
        settings.add("openkb", openkb);
        JsonObject o = new JsonObject();
        o.add("settings", settings);
        o.addProperty("watchDebounceMs", 200);
        return o;
    }

    @Test
    void withTheSettingOnAFileDroppedIntoRawIsAddedWithProgressAndFileProgress() throws Exception {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.initialize(true, options(true), dir);
            h.client.await(h.client::logs, l -> l.stream().anyMatch(m -> m.getMessage().startsWith("OpenKB: watching ")),
                    Duration.ofSeconds(30), "the watch started");

            Fixtures.write(kb.rawDir().resolve("dropped.md"), "# Dropped\n\nA note about Graph Theory.\n");

            var done = h.client.await(h.client::fileProgress, l -> l.stream().anyMatch(f -> "added".equals(f.status())),
                    Duration.ofSeconds(60), "the file committed");
            assertTrue(done.stream().anyMatch(f -> f.uri().endsWith("/raw/dropped.md") && "dropped".equals(f.docName())), done.toString());
            assertEquals(List.of("dropped.md"), Registry.load(kb).entries().stream().map(e -> e.name()).toList());
            h.client.await(h.client::progress, l -> l.stream().anyMatch(p -> p.getValue().getLeft() instanceof org.eclipse.lsp4j.WorkDoneProgressEnd e
                    && "1 added".equals(e.getMessage())),
                    Duration.ofSeconds(30), "the group's progress ended with its counts");
        }
    }

    @Test
    void offByDefaultNothingIsWatched() throws Exception {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        assertFalse(RawWatches.enabled(null));
        assertFalse(RawWatches.enabled(options(false)));
        assertTrue(RawWatches.enabled(options(true)));
        try (LspHarness h = LspHarness.start(LspHarness.fast())) {
            h.initialize(true, options(false), dir);
            assertTrue(h.client.logs().stream().noneMatch(m -> m.getMessage().startsWith("OpenKB: watching ")), h.client.logs().toString());
        }
        assertTrue(Files.isDirectory(kb.rawDir()));
    }
}
