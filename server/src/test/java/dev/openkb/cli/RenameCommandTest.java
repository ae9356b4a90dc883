package dev.openkb.cli;

import static dev.openkb.testing.Fixtures.read;
import static dev.openkb.testing.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.kb.KbLayout;
import dev.openkb.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openkb rename PAGE NEW} on the command line: what it prints, its exit codes, and the KB after. */
class RenameCommandTest {
    @TempDir
    Path dir;

    @Test
    void renamesAPageByItsFileOrKeyAndRefusesAnExistingName() throws Exception {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        write(kb.concept("attention"), "# Attention\n\nSee [[concepts/memory]].\n");
        write(kb.concept("memory"), "# Memory\n\nUsed by [[concepts/attention|attention]].\n");
        write(kb.indexMd(), "# Knowledge Base Index\n\n## Concepts\n- [[concepts/attention]]\n- [[concepts/memory]]\n");
        String root = kb.root().toString();

        CliRun dry = CliRun.of("rename", "--kb", root, "concepts/attention", "self-attention", "--dry-run");
        assertEquals(0, dry.code(), dry.err());
        assertTrue(dry.out().startsWith("Would rename concepts/attention → concepts/self-attention: 2 link(s) in 3 page(s)\n"),
                dry.out());
        assertTrue(Files.exists(kb.concept("attention")));

        CliRun done = CliRun.of("rename", "--kb", root, kb.concept("attention").toString(), "self-attention");
        assertEquals(0, done.code(), done.err());
        assertTrue(done.out().contains("Renamed concepts/attention → concepts/self-attention: 2 link(s) in 3 page(s) rewritten"),
                done.out());
        assertFalse(Files.exists(kb.concept("attention")));
        assertEquals("# Memory\n\nUsed by [[concepts/self-attention|attention]].\n", read(kb.concept("memory")));

        CliRun refused = CliRun.of("rename", "--kb", root, "self-attention", "memory");
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("PAGE_EXISTS") && refused.err().contains("memory"), refused.err());
        CliRun bad = CliRun.of("rename", "--kb", root, "self-attention", "../../etc/x");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("INVALID_ARGUMENT"), bad.err());
    }
}
