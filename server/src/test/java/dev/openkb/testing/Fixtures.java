package dev.openkb.testing;

import dev.openkb.io.AtomicFiles;
import dev.openkb.io.FileOps;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbInit;
import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small builders for test KBs. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A fresh KB (OpenKB layout, offline model) in {@code dir}. */
    public static KbLayout kb(Path dir) throws IOException {
        return new KbInit(new AtomicFiles(new RealFileOps())).init(dir, "offline", "en");
    }

    public static Path write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    public static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    public static AtomicFiles files(FileOps ops) {
        return new AtomicFiles(ops);
    }

    /** Copies a tree with modes and times, for running the same scenario on identical KBs. */
    public static Path copyTree(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }
}
