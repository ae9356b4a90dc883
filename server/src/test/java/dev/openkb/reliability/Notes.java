package dev.openkb.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Generated markdown notes for the multi-file adds: fixed text, a few shared terms per note. Stateless. */
final class Notes {
    private static final String[] TOPICS = {"Write-Ahead Logging", "Crash Recovery", "Atomic Rename", "Directory Fsync",
        "Power Loss", "Hard Links", "Undo Journal", "Commit Mark"};

    private Notes() {
    }

    static List<String> names(int count) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add(String.format("note-%02d.md", i));
        }
        return out;
    }

    static void write(Path dir, List<String> names) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < names.size(); i++) {
            String a = TOPICS[i % TOPICS.length];
            String b = TOPICS[(i * 3 + 1) % TOPICS.length];
            String text = "# Note " + (i + 1) + ": " + a + "\n\n"
                    + a + " matters to every storage engine. This note relates " + a + " to " + b + ".\n\n"
                    + "## Details\n\n" + b + " is covered by the " + a + " rules: data first, then names, then the commit mark.\n"
                    + "Note " + (i + 1) + " ends here.\n";
            Files.writeString(dir.resolve(names.get(i)), text, StandardCharsets.UTF_8);
        }
    }
}
