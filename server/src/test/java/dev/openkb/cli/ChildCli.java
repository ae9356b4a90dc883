package dev.openkb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The CLI in a child JVM, stdout and stderr merged into one stream of lines. */
final class ChildCli implements AutoCloseable {
    final Process process;
    final BufferedReader lines;
    final List<String> seen = new ArrayList<>();

    ChildCli(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Any other command line (the CLI under script(1), say), read the same way. */
    ChildCli(ProcessBuilder command) throws IOException {
        process = command.redirectErrorStream(true).start();
        lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Reads until a line starts with {@code prefix}; fails if the process ends first. */
    String await(String prefix) throws IOException {
        String l;
        while ((l = lines.readLine()) != null) {
            seen.add(l);
            if (l.startsWith(prefix)) {
                return l;
            }
        }
        throw new AssertionError("the CLI ended before printing \"" + prefix + "\"; it printed " + seen);
    }

    void interrupt() throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor());
    }

    int exit() throws Exception {
        while (lines.readLine() != null) {
            // drain, so the child never blocks on a full pipe
        }
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the CLI exits");
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
