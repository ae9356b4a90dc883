package dev.openkb.service;

import dev.openkb.compile.Compilers;
import dev.openkb.compile.WikiCompiler;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.kb.KbConfig;
import dev.openkb.kb.KbLayout;
import java.util.Map;

/** Chooses the compiler for a KB from its config; tests substitute their own. */
@FunctionalInterface
public interface CompilerFactory {
    WikiCompiler create(KbConfig config, KbLayout layout);

    /** {@code model: offline} → the offline compiler; otherwise the LLM compiler for the model's provider. */
    static CompilerFactory standard() {
        return forEnvironment(System.getenv());
    }

    /**
     * {@link #standard()} reading {@code LLM_API_KEY} and the user's endpoint approvals
     * ({@code OPENKB_CONFIG_HOME}...) from {@code env} instead of the process environment.
     */
    static CompilerFactory forEnvironment(Map<String, String> env) {
        Map<String, String> copy = Map.copyOf(env);
        return (config, layout) -> Compilers.forConfig(config, layout, copy);
    }

    /**
     * For a workspace the user has not trusted (VS Code's Restricted Mode): the offline compiler only.
     * A KB configured for an LLM is refused rather than silently compiled offline, and nothing is sent.
     */
    static CompilerFactory offlineOnly() {
        return (config, layout) -> {
            if (!config.isOffline()) {
                throw new KbException(ErrorCode.ENDPOINT_NOT_APPROVED, layout.root(), "this workspace is not trusted, so its KB"
                        + " may not call an LLM (model: " + config.model() + "); trust the workspace to use the model");
            }
            return Compilers.forConfig(config, layout, Map.of());
        };
    }
}
