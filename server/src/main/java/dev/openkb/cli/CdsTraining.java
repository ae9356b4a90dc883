package dev.openkb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The build's class-data-sharing training run: the build starts it with
 * {@code -XX:ArchiveClassesAtExit=target/openkb.jsa}, and it runs the everyday commands once in a
 * temporary KB (init, add, status, list, lint, visualize, help), so the archive holds the classes
 * they load and later runs map them instead of loading and verifying them again. Not a user command;
 * prints nothing; leaves nothing behind.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        Main.quietLibraryLogging();
        Path dir = Files.createTempDirectory("openkb-cds-");
        try {
            Path kb = dir.resolve("kb");
            Path in = Files.createDirectories(dir.resolve("in"));
            Files.writeString(in.resolve("notes.md"), "# Notes\n\nNotes about Graph Theory and Ada Lovelace.\n", StandardCharsets.UTF_8);
            Files.writeString(in.resolve("page.html"), "<html><body><h1>Page</h1><p>Graph Theory again.</p></body></html>", StandardCharsets.UTF_8);
            Files.writeString(in.resolve("table.csv"), "name,value\nalpha,1\n", StandardCharsets.UTF_8);
            Files.writeString(in.resolve("plain.txt"), "Plain text about Alan Turing.\n", StandardCharsets.UTF_8);
            String k = kb.toString();
            run(List.of(List.of("init", k), List.of("add", "--kb", k, in.toString())));
            // Dated an hour back, so the second lint is served from the first one's memo, as a user's
            // repeated lint is, and the classes of that path are archived too.
            FileTime hourAgo = FileTime.from(Instant.now().minusSeconds(3600));
            try (Stream<Path> s = Files.walk(kb)) {
                for (Path p : s.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
                    Files.setLastModifiedTime(p, hourAgo);
                }
            }
            run(List.of(List.of("status", "--kb", k),
                    List.of("list", "--kb", k), List.of("list", "--kb", k, "--format", "json"),
                    List.of("lint", "--kb", k, "--no-report"), List.of("lint", "--kb", k, "--no-report", "--format", "json"),
                    List.of("lint", "--kb", k),
                    List.of("visualize", "--kb", k, "--no-open"), List.of("recover", "--kb", k),
                    List.of("help", "add"), List.of("completion", "bash"), List.of("--version")));
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void run(List<List<String>> commands) {
        for (List<String> command : commands) {
            PrintWriter none = new PrintWriter(Writer.nullWriter());
            Main.run(command.toArray(String[]::new), none, none, Map.of(), Terminal.PLAIN);
        }
    }
}
