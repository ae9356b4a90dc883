package dev.openkb.service;

import dev.openkb.compile.Compilers;
import dev.openkb.compile.WikiCompiler;
import dev.openkb.kb.KbConfig;
import dev.openkb.kb.KbLayout;

/** Chooses the compiler for a KB from its config; tests substitute their own. */
@FunctionalInterface
public interface CompilerFactory {
    WikiCompiler create(KbConfig config, KbLayout layout);

    /** {@code model: offline} → the offline compiler; otherwise the LLM compiler for the model's provider. */
    static CompilerFactory standard() {
        return (config, layout) -> Compilers.forConfig(config, layout, System.getenv());
    }
}
