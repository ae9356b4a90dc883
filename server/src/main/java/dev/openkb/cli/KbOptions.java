package dev.openkb.cli;

import dev.openkb.kb.KbDiscovery;
import dev.openkb.kb.KbLayout;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every KB command shares: which KB (explicit, $OPENKB_DIR, or found from the current folder). */
final class KbOptions {
    @Option(names = {"--kb", "--kb-dir"}, paramLabel = "DIR", description = "The knowledge base folder (default: found from the current folder).")
    Path kb;

    @Option(names = {"-v", "--verbose"}, description = "Print debug details (per-stage timings).")
    boolean verbose;

    KbLayout layout() {
        Path explicit = kb;
        if (explicit == null && System.getenv("OPENKB_DIR") != null && !System.getenv("OPENKB_DIR").isBlank()) {
            explicit = Path.of(System.getenv("OPENKB_DIR"));
        }
        return KbDiscovery.require(explicit, Path.of("").toAbsolutePath());
    }
}
