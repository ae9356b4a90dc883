package dev.openkb.lsp;

import dev.openkb.kb.KbDiscovery;
import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the KBs of a workspace: for each folder, the KB it lies in (a folder inside a KB, or the KB
 * itself), and the KBs up to {@code depth} levels below it. Hidden folders and
 * {@code node_modules} are not searched, symlinked folders are not followed, and a KB's own tree is
 * not searched for further KBs. Stateless.
 */
final class KbFinder {
    private KbFinder() {
    }

    static List<KbLayout> find(List<Path> folders, int depth) {
        Set<Path> roots = new LinkedHashSet<>();
        for (Path folder : folders) {
            KbDiscovery.find(folder).ifPresent(l -> roots.add(l.root()));
            if (Files.isDirectory(folder)) {
                search(folder.toAbsolutePath().normalize(), depth, roots);
            }
        }
        List<KbLayout> out = new ArrayList<>();
        roots.forEach(r -> out.add(new KbLayout(r)));
        return out;
    }

    private static void search(Path dir, int depth, Set<Path> roots) {
        if (isKb(dir)) {
            roots.add(dir);
            return;
        }
        if (depth == 0) {
            return;
        }
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().equals("node_modules"))
                    .sorted().toList();
        } catch (IOException | RuntimeException e) {
            return; // an unreadable folder holds no KB we could serve
        }
        for (Path c : children) {
            search(c, depth - 1, roots);
        }
    }

    static boolean isKb(Path dir) {
        return Files.isDirectory(dir.resolve(KbLayout.OPENKB_DIR));
    }
}
