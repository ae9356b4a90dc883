package dev.openkb.compile;

import dev.openkb.compile.llm.AnthropicClient;
import dev.openkb.compile.llm.LlmCompiler;
import dev.openkb.compile.llm.LlmEndpoint;
import dev.openkb.compile.llm.LlmHttp;
import dev.openkb.compile.llm.LlmSettings;
import dev.openkb.compile.llm.OpenAiClient;
import dev.openkb.compile.offline.OfflineCompiler;
import dev.openkb.kb.KbConfig;
import dev.openkb.kb.KbLayout;
import dev.openkb.trust.ApprovalStore;
import dev.openkb.trust.EndpointGate;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the compiler a KB's configuration asks for: {@code model: offline} (the default) gives the
 * embedded {@link OfflineCompiler}; any other model an {@link LlmCompiler} talking to the provider its
 * prefix names ({@code anthropic/...}: Anthropic; anything else: an OpenAI-compatible endpoint).
 * Every LLM compiler is built here, through the {@link EndpointGate}: the KB's endpoint must be the
 * provider's default or approved by the user for this KB before a client for it exists. Stateless.
 */
public final class Compilers {
    private Compilers() {
    }

    /**
     * @param env the process environment (or a test's): {@code LLM_API_KEY}, and where the user's
     *            endpoint approvals are ({@link dev.openkb.trust.ConfigHome})
     * @throws dev.openkb.engine.KbException INVALID_ARGUMENT when an LLM model has no key or a bad {@code base_url};
     *            ENDPOINT_NOT_APPROVED when the KB's endpoint needs the user's approval first (nothing is sent)
     */
    public static WikiCompiler forConfig(KbConfig config, KbLayout layout, Map<String, String> env) {
        return forConfig(config, layout, env, d -> Thread.sleep(d.toMillis()));
    }

    /**
     * Where the KB's model calls would go; empty for {@code model: offline}, which sends nothing.
     *
     * @throws dev.openkb.engine.KbException INVALID_ARGUMENT when {@code base_url} is not a usable URL
     */
    public static Optional<LlmEndpoint> endpoint(KbConfig config, KbLayout layout) {
        return config.isOffline() ? Optional.empty() : Optional.of(LlmSettings.endpoint(config, layout));
    }

    /**
     * The HTTP client for the KB's model, for callers other than the compiler (the query and lint
     * agents): built through the same {@link EndpointGate} check, its failures carry {@code failure}.
     *
     * @throws dev.openkb.engine.KbException INVALID_ARGUMENT for {@code model: offline}, a missing key or a
     *            bad {@code base_url}; ENDPOINT_NOT_APPROVED when the endpoint needs the user's approval (nothing is sent)
     */
    public static LlmHttp http(KbConfig config, KbLayout layout, Map<String, String> env, LlmHttp.Sleeper sleeper,
            dev.openkb.engine.ErrorCode failure) {
        if (config.isOffline()) {
            throw new dev.openkb.engine.KbException(dev.openkb.engine.ErrorCode.INVALID_ARGUMENT, layout.config(),
                    "model: offline has no LLM to call; set model in .openkb/config.yaml");
        }
        LlmSettings settings = LlmSettings.from(config, layout, env);
        EndpointGate gate = new EndpointGate(ApprovalStore.forUser(env));
        return new LlmHttp(settings, gate.admit(layout.root(), settings.endpoint().endpoint(),
                settings.endpoint().providerDefault()), sleeper, failure);
    }

    public static WikiCompiler forConfig(KbConfig config, KbLayout layout, Map<String, String> env, LlmHttp.Sleeper sleeper) {
        if (config.isOffline()) {
            return new OfflineCompiler();
        }
        LlmSettings settings = LlmSettings.from(config, layout, env);
        EndpointGate gate = new EndpointGate(ApprovalStore.forUser(env));
        LlmHttp http = new LlmHttp(settings, gate.admit(layout.root(), settings.endpoint().endpoint(),
                settings.endpoint().providerDefault()), sleeper);
        return new LlmCompiler(settings.provider() == LlmSettings.Provider.ANTHROPIC
                ? new AnthropicClient(http) : new OpenAiClient(http));
    }
}
