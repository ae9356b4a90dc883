package dev.openkb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.kb.KbLayout;
import dev.openkb.kb.Registry;
import dev.openkb.testing.Fixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during {@code openkb add}, delivered as a real SIGINT to a real CLI process: the first one
 * is acknowledged at once and the batch stops cleanly after the file being committed; a second one
 * aborts at once, and the next command recovers.
 */
class CtrlCTest {
    @TempDir
    Path dir;

    private KbLayout kbWithManyInputs(Path in, int n) throws IOException {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        for (int i = 1; i <= n; i++) {
            Fixtures.write(in.resolve(String.format("doc%03d.md", i)),
                    "# Document " + i + "\n\nText " + i + " about Topic" + (i % 7) + " and Person Name" + (i % 5) + ".\n");
        }
        return kb;
    }

    private static String recover(KbLayout kb) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"recover", "--kb", kb.root().toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(Main.OK, code, out + err.toString());
        return out.toString();
    }

    @Test
    void theFirstCtrlCIsAcknowledgedAtOnceAndTheBatchStopsCleanly() throws Exception {
        Path in = dir.resolve("in");
        KbLayout kb = kbWithManyInputs(in, 400);
        try (ChildCli cli = new ChildCli("add", "--kb", kb.root().toString(), "-j", "1", in.toString())) {
            cli.await("[1/400]");
            cli.interrupt();
            cli.await("Stopping after the current file");
            String done = cli.await("Done: ");
            assertEquals(AddCommand.INTERRUPTED, cli.exit());
            int added = Integer.parseInt(done.replaceAll("Done: (\\d+) added.*", "$1"));
            assertTrue(added < 400 && done.contains((400 - added) + " cancelled"), done);
            assertEquals(added, Registry.load(kb).size());
        }
        assertEquals("Nothing to recover.\n", recover(kb), "a clean stop leaves nothing to recover");
    }

    @Test
    void aSecondCtrlCAbortsAtOnceAndTheNextCommandRecovers() throws Exception {
        Path in = dir.resolve("in");
        KbLayout kb = kbWithManyInputs(in, 400);
        try (ChildCli cli = new ChildCli("add", "--kb", kb.root().toString(), "-j", "1", in.toString())) {
            cli.await("[1/400]");
            cli.interrupt();
            cli.await("Stopping after the current file");
            cli.interrupt();
            cli.await("Aborted.");
            assertEquals(AddCommand.INTERRUPTED, cli.exit());
        }
        recover(kb);
        assertEquals("Nothing to recover.\n", recover(kb));
        Registry.load(kb).entries().forEach(e -> assertTrue(java.nio.file.Files.isRegularFile(kb.summary(e.docName())), e.docName()));
    }
}
