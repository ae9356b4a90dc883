package dev.openkb.kb;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the KB for a path: the nearest folder at or above it that holds {@code .openkb/}. Stateless. */
public final class KbDiscovery {
    private KbDiscovery() {
    }

    public static Optional<KbLayout> find(Path start) {
        Path p = start.toAbsolutePath().normalize();
        if (Files.isRegularFile(p)) {
            p = p.getParent();
        }
        for (; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(KbLayout.OPENKB_DIR))) {
                return Optional.of(new KbLayout(p));
            }
        }
        return Optional.empty();
    }

    /** The KB at {@code explicit} (which must hold .openkb/), else the one found from {@code cwd}. */
    public static KbLayout require(Path explicit, Path cwd) {
        if (explicit != null) {
            KbLayout l = new KbLayout(explicit);
            if (!Files.isDirectory(l.openkbDir())) {
                throw new KbException(ErrorCode.KB_NOT_FOUND, l.root(), "no knowledge base here (no .openkb/ folder). Run `openkb init` first.");
            }
            return l;
        }
        return find(cwd).orElseThrow(() -> new KbException(ErrorCode.KB_NOT_FOUND, cwd,
                "no knowledge base found here or in any parent folder. Run `openkb init` first."));
    }
}
