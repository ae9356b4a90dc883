package dev.openkb.client.kb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a file sits relative to an OpenKB knowledge base, as the server decides it: the KB root is the nearest
 * folder at or above the file that holds {@code .openkb/}, and wiki pages are the {@code .md} files under its
 * {@code wiki/}. The IDE asks this before syncing a buffer or annotating a file, so files outside any KB never
 * reach the server. Stateless (it reads the file system).
 */
public final class KbPaths {
    public static final String OPENKB_DIR = ".openkb";
    public static final String WIKI_DIR = "wiki";

    private KbPaths() {
    }

    public static Optional<Path> kbRoot(Path file) {
        Path p = file.toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            p = p.getParent();
        }
        for (; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(OPENKB_DIR))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** True for {@code <kb>/wiki/**.md}. */
    public static boolean isWikiPage(Path file) {
        Path p = file.toAbsolutePath().normalize();
        Path name = p.getFileName();
        if (name == null || !name.toString().endsWith(".md")) {
            return false;
        }
        return kbRoot(p).map(root -> p.startsWith(root.resolve(WIKI_DIR))).orElse(false);
    }
}
