package dev.openkb.compile;

import dev.openkb.kb.KbConfig;
import dev.openkb.kb.KbLayout;
import java.util.Map;

/**
 * Picks the compiler a KB's configuration asks for: {@code model: offline} (the default) gives the
 * embedded {@link OfflineCompiler}; any other model an {@link LlmCompiler} talking to the provider its
 * prefix names ({@code anthropic/...}: Anthropic; anything else: an OpenAI-compatible endpoint).
 * Stateless.
 */
public final class Compilers {
    private Compilers() {
    }

    /**
     * @param env the process environment (or a test's), where {@code LLM_API_KEY} is looked up first
     * @throws dev.openkb.engine.KbException INVALID_ARGUMENT when an LLM model has no key or a bad {@code base_url}
     */
    public static WikiCompiler forConfig(KbConfig config, KbLayout layout, Map<String, String> env) {
        return forConfig(config, layout, env, d -> Thread.sleep(d.toMillis()));
    }

    static WikiCompiler forConfig(KbConfig config, KbLayout layout, Map<String, String> env, LlmHttp.Sleeper sleeper) {
        if (config.isOffline()) {
            return new OfflineCompiler();
        }
        LlmSettings settings = LlmSettings.from(config, layout, env);
        LlmHttp http = new LlmHttp(settings, sleeper);
        return new LlmCompiler(settings.provider() == LlmSettings.Provider.ANTHROPIC
                ? new AnthropicClient(http) : new OpenAiClient(http));
    }
}
