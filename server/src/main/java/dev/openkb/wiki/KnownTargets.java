package dev.openkb.wiki;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * OpenKB's {@code list_existing_wiki_targets}: the link targets that exist on disk now, as the
 * whitelist for {@link GhostLinks#strip} on LLM output: {@code concepts/<stem>},
 * {@code summaries/<stem>}, {@code entities/<stem>} for each {@code *.md} directly in those folders,
 * plus {@code index} when index.md exists. Stateless.
 */
public final class KnownTargets {
    private KnownTargets() {
    }

    /** @throws KbException IO_ERROR when a folder cannot be listed */
    public static Set<String> list(KbLayout layout) {
        Set<String> out = new HashSet<>();
        for (Path dir : List.of(layout.conceptsDir(), layout.summariesDir(), layout.entitiesDir())) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            String prefix = dir.getFileName() + "/";
            try (Stream<Path> s = Files.list(dir)) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md") && n.length() > 3)
                        .forEach(n -> out.add(prefix + n.substring(0, n.length() - 3)));
            } catch (IOException e) {
                throw new KbException(ErrorCode.IO_ERROR, dir, "cannot list the folder: " + e.getMessage(), e);
            }
        }
        if (Files.exists(layout.indexMd())) {
            out.add("index");
        }
        return out;
    }
}
