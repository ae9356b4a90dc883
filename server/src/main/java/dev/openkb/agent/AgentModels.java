package dev.openkb.agent;

import dev.openkb.compile.Compilers;
import dev.openkb.compile.llm.LlmHttp;
import dev.openkb.compile.llm.LlmSettings;
import dev.openkb.engine.ErrorCode;
import dev.openkb.kb.KbConfig;
import dev.openkb.kb.KbLayout;
import java.util.Map;

/**
 * The {@link ChatModel} for a KB's configured model, built through the compiler's HTTP client and
 * so through the same endpoint approval ({@link Compilers#http}): an unapproved {@code base_url}
 * gives ENDPOINT_NOT_APPROVED and nothing is sent. Stateless.
 */
public final class AgentModels {
    private AgentModels() {
    }

    /**
     * @throws dev.openkb.engine.KbException INVALID_ARGUMENT (offline, no key, bad base_url),
     *         ENDPOINT_NOT_APPROVED
     */
    public static ChatModel forConfig(KbConfig config, KbLayout layout, Map<String, String> env) {
        return forConfig(config, layout, env, d -> Thread.sleep(d.toMillis()));
    }

    /** With the wait between retries replaced (tests). */
    public static ChatModel forConfig(KbConfig config, KbLayout layout, Map<String, String> env, LlmHttp.Sleeper sleeper) {
        LlmHttp http = Compilers.http(config, layout, env, sleeper, ErrorCode.LLM_FAILED);
        return http.settings().provider() == LlmSettings.Provider.ANTHROPIC ? new AnthropicChat(http) : new OpenAiChat(http);
    }
}
