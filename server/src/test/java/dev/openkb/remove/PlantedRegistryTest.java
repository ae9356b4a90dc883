package dev.openkb.remove;

import static dev.openkb.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.Registry;
import dev.openkb.service.OpenKb;
import dev.openkb.testing.Fixtures;
import dev.openkb.testing.TreeManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: {@code hashes.json} is untrusted KB content. Its path-like values must not steer a
 * remove into deleting other parts of the KB (paths outside the KB are refused by the transaction).
 */
class PlantedRegistryTest {
    @TempDir
    Path dir;
    KbLayout kb;

    @BeforeEach
    void setUp() throws IOException {
        kb = Fixtures.kb(dir.resolve("kb"));
        write(kb.sourceMd("real"), "# Real\n");
        write(kb.indexMd(), "# Index\n");
    }

    private void plant(String docName, String rawPath) throws IOException {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", "planted.md");
        meta.put("doc_name", docName);
        meta.put("type", "md");
        meta.put("raw_path", rawPath);
        Files.writeString(kb.hashes(), Registry.load(kb).with("h1", meta).toJson(), StandardCharsets.UTF_8);
    }

    private KbException removeFails() {
        try (OpenKb engine = new OpenKb(new RealFileOps(), w -> { })) {
            return assertThrows(KbException.class, () -> engine.kb(kb).remove("planted.md", RemoveOptions.defaults(), CancelToken.none()));
        }
    }

    @Test
    void aDocNameOfDotDotDoesNotDeleteTheSourcesFolder() throws IOException {
        plant("..", "raw/planted.md");
        Map<String, String> before = TreeManifest.ofKb(kb.root());

        KbException e = removeFails();

        assertEquals(ErrorCode.CORRUPT_STATE, e.code());
        assertTrue(e.getMessage().contains("unsafe doc_name '..'"), e.getMessage());
        assertEquals(before, TreeManifest.ofKb(kb.root()), "wiki/sources/images/.. is wiki/sources");
    }

    @Test
    void aRawPathOutsideRawDoesNotDeleteTheWiki() throws IOException {
        plant("planted", "wiki");
        Map<String, String> before = TreeManifest.ofKb(kb.root());

        KbException e = removeFails();

        assertEquals(ErrorCode.CORRUPT_STATE, e.code());
        assertTrue(e.getMessage().contains("raw_path 'wiki' outside raw/"), e.getMessage());
        assertEquals(before, TreeManifest.ofKb(kb.root()));
    }
}
