package dev.openkb.service;

import dev.openkb.compile.OfflineCompiler;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.compile.WikiCompiler;
import dev.openkb.kb.KbConfig;
import dev.openkb.kb.KbLayout;

/** Chooses the compiler for a KB from its config; tests substitute their own. */
@FunctionalInterface
public interface CompilerFactory {
    WikiCompiler create(KbConfig config, KbLayout layout);

    /** {@code model: offline} → the offline compiler; LLM models are refused until the LLM compiler is wired in. */
    static CompilerFactory standard() {
        return (config, layout) -> {
            if (!config.isOffline()) {
                throw new KbException(ErrorCode.COMPILE_FAILED, layout.config(),
                        "model '" + config.model() + "' needs the LLM compiler, which this build does not include yet; set model: offline");
            }
            return new OfflineCompiler();
        };
    }
}
