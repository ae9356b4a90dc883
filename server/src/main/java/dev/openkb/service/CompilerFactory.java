package dev.openkb.service;

import dev.openkb.agent.LlmAnswerer;
import dev.openkb.compile.Compilers;
import dev.openkb.compile.WikiCompiler;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.kb.KbConfig;
import dev.openkb.kb.KbLayout;
import dev.openkb.query.Answerer;
import dev.openkb.query.OfflineAnswerer;
import dev.openkb.search.SearchIndex;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Chooses the compiler for a KB from its config, and with it how {@code query} answers: the two use
 * the same model, key and endpoint approval, so a face that may not call a model (an untrusted
 * workspace) gets neither. Tests substitute their own.
 */
@FunctionalInterface
public interface CompilerFactory {
    WikiCompiler create(KbConfig config, KbLayout layout);

    /**
     * How {@code query} and {@code chat} answer under this factory: retrieved passages, unless the
     * factory may call the KB's model (then {@link #forEnvironment} answers through its tool loop).
     */
    default Answerer answerer(KbConfig config, KbLayout layout, Supplier<SearchIndex> index) {
        return new OfflineAnswerer();
    }

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
        return new CompilerFactory() {
            @Override
            public WikiCompiler create(KbConfig config, KbLayout layout) {
                return Compilers.forConfig(config, layout, copy);
            }

            @Override
            public Answerer answerer(KbConfig config, KbLayout layout, Supplier<SearchIndex> index) {
                // An unapproved endpoint fails here with ENDPOINT_NOT_APPROVED, before anything is sent.
                return config.isOffline() ? new OfflineAnswerer() : LlmAnswerer.forKb(config, layout, copy, index);
            }
        };
    }

    /**
     * For a workspace the user has not trusted (VS Code's Restricted Mode): the offline compiler only.
     * A KB configured for an LLM is refused rather than silently compiled offline, and nothing is sent;
     * its questions are answered with retrieved passages (labelled offline), which send nothing either.
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
