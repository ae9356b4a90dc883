package dev.openkb.client.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.client.connection.OpenKbClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Small builders for knowledge bases and input files in a test's temp dir. */
final class KbFixture {
    private KbFixture() {
    }

    /** Creates a KB at {@code dir} through the server's own {@code openkb/init}. */
    static Path init(OpenKbClient client, Path dir) throws Exception {
        client.init(dir).get(RealServer.WAIT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(Files.isDirectory(dir.resolve(".openkb")), "openkb/init made no .openkb/ in " + dir);
        return dir;
    }

    /** {@code n} short markdown notes in {@code dir}, each about its own topic. */
    static List<Path> notes(Path dir, int n) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(Files.writeString(dir.resolve(String.format("note-%03d.md", i)),
                    "# Note " + i + "\n\nThis note is about topic number " + i + ". It mentions apples and rivers.\n"));
        }
        return out;
    }

    /** A wiki page with front matter and the given body, at {@code wiki/<rel>}. */
    static Path page(Path kb, String rel, String body) throws IOException {
        Path p = kb.resolve("wiki").resolve(rel);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, "---\ntype: concept\ndescription: A test page\n---\n" + body);
    }
}
