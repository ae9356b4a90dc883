package dev.openkb.bench;

import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes the generated OpenKB-shaped wiki that the whole-process lint figures in docs/performance.md
 * are measured on ({@link WikiGenerator}, seed 1), into an empty or new folder, and leaves it there.
 *
 * <pre>GenerateWiki DIR [PAGES]   (PAGES defaults to 10000)</pre>
 */
public final class GenerateWiki {
    private GenerateWiki() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: GenerateWiki DIR [PAGES]");
            System.exit(2);
        }
        Path root = Path.of(args[0]).toAbsolutePath();
        int pages = args.length == 2 ? Integer.parseInt(args[1]) : 10_000;
        if (Files.exists(root)) {
            try (var s = Files.list(root)) {
                if (s.findAny().isPresent()) {
                    System.err.println(root + " is not empty");
                    System.exit(2);
                }
            }
        }
        Files.createDirectories(root);
        WikiGenerator.generate(new KbLayout(root), pages, new Random(1));
        System.out.printf("%,d pages written under %s%n", pages, root.resolve("wiki"));
    }
}
