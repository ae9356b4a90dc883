package dev.openkb.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The project's sample corpus, {@code docs/samples/}, found from the working folder (server/ or bench/ or the root). */
public final class Samples {
    private Samples() {
    }

    public static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path s = p.resolve("docs/samples");
            if (Files.isDirectory(s)) {
                return s;
            }
        }
        throw new IllegalStateException("docs/samples not found above " + Path.of("").toAbsolutePath());
    }

    /** Copies the named samples into {@code to}; returns their new paths, in order. */
    public static java.util.List<Path> copy(Path to, String... names) throws IOException {
        Files.createDirectories(to);
        java.util.List<Path> out = new java.util.ArrayList<>();
        for (String n : names) {
            out.add(Files.copy(dir().resolve(n), to.resolve(n), StandardCopyOption.REPLACE_EXISTING));
        }
        return out;
    }
}
