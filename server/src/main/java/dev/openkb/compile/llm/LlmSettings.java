package dev.openkb.compile.llm;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.kb.KbConfig;
import dev.openkb.kb.KbLayout;
import dev.openkb.trust.Endpoint;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How to reach the configured model. The provider is the model's prefix: {@code anthropic/...} uses
 * the Anthropic Messages API, anything else an OpenAI-compatible {@code /chat/completions} endpoint at
 * {@code base_url} (default {@code https://api.openai.com/v1}; {@code ollama/...} defaults to
 * {@code http://localhost:11434/v1}). The model name sent is the part after the prefix. The key comes
 * from {@code LLM_API_KEY} in the environment, then {@code <kb>/.env}; {@link #toString} never shows it.
 * Wherever the key comes from, it goes only to an endpoint the {@link dev.openkb.trust.EndpointGate}
 * admits ({@link Compilers}): a key in a cloned KB's {@code .env} was put there by whoever made the KB,
 * and the documents the user adds go along with it.
 * {@code timeout} and {@code extra_headers} are read as OpenKB reads them (top level, overridden by the
 * {@code litellm:} block). Immutable.
 *
 * @param provider     which API
 * @param model        the model name sent
 * @param endpoint     the API root (see {@link #baseUrl()}) and whether it is the provider's default
 * @param apiKey       the key, or null for keyless local servers
 * @param timeout      per request
 * @param extraHeaders sent with every request
 * @param maxTokens    the answer limit sent to Anthropic (which requires one)
 */
public record LlmSettings(Provider provider, String model, LlmEndpoint endpoint, String apiKey, Duration timeout,
                   Map<String, String> extraHeaders, int maxTokens) {
    static final String KEY_VARIABLE = "LLM_API_KEY";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);
    static final int DEFAULT_MAX_TOKENS = 8192;

    public enum Provider { OPENAI_COMPATIBLE, ANTHROPIC }

    public LlmSettings {
        extraHeaders = Map.copyOf(extraHeaders);
    }

    public static LlmSettings from(KbConfig config, KbLayout layout, Map<String, String> env) {
        String configured = config.model();
        LlmEndpoint endpoint = endpoint(config, layout);
        String key = key(env, layout);
        if (key == null && !prefix(configured).equals("ollama") && !endpoint.endpoint().isLoopback()) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, layout.envFile(), "model '" + configured
                    + "' needs an API key: set " + KEY_VARIABLE + " in the environment or in .env at the KB root");
        }
        return new LlmSettings(provider(configured), modelName(configured), endpoint, key, timeout(config), headers(config),
                maxTokens(config));
    }

    /**
     * The endpoint the KB's {@code base_url} names, or the provider's default when it names none;
     * whether it is that default is decided against the model's own provider only, so a KB cannot
     * send an OpenAI key to Anthropic's endpoint (or the reverse) without approval.
     *
     * @throws KbException INVALID_ARGUMENT when {@code base_url} is not a usable http(s) URL
     */
    public static LlmEndpoint endpoint(KbConfig config, KbLayout layout) {
        String configured = config.model();
        Endpoint builtIn = Endpoint.parse(defaultBaseUrl(provider(configured), prefix(configured)));
        String base = config.string("base_url");
        if (base == null || base.isBlank()) {
            return new LlmEndpoint(builtIn, true);
        }
        try {
            Endpoint own = Endpoint.parse(base);
            return new LlmEndpoint(own, own.equals(builtIn));
        } catch (IllegalArgumentException e) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, layout.config(), "base_url: " + e.getMessage());
        }
    }

    /** The API root requests are built from, normalised exactly as the approval was. */
    public String baseUrl() {
        return endpoint.endpoint().url();
    }

    private static String prefix(String configured) {
        int slash = configured.indexOf('/');
        return slash > 0 ? configured.substring(0, slash).toLowerCase(Locale.ROOT) : "";
    }

    private static String modelName(String configured) {
        int slash = configured.indexOf('/');
        return slash > 0 ? configured.substring(slash + 1) : configured;
    }

    private static Provider provider(String configured) {
        return prefix(configured).equals("anthropic") ? Provider.ANTHROPIC : Provider.OPENAI_COMPATIBLE;
    }

    private static String defaultBaseUrl(Provider provider, String prefix) {
        return provider == Provider.ANTHROPIC ? "https://api.anthropic.com/v1"
                : prefix.equals("ollama") ? "http://localhost:11434/v1" : "https://api.openai.com/v1";
    }

    private static String key(Map<String, String> env, KbLayout layout) {
        String key = env.get(KEY_VARIABLE);
        if (key == null || key.isBlank()) {
            try {
                key = DotEnv.readInside(layout).get(KEY_VARIABLE);
            } catch (IOException e) {
                throw new KbException(ErrorCode.IO_ERROR, layout.envFile(), "cannot read: " + e.getMessage(), e);
            }
        }
        return key == null || key.isBlank() ? null : key.strip();
    }

    private static Duration timeout(KbConfig config) {
        Map<?, ?> litellm = litellm(config);
        Object v = litellm.containsKey("timeout") ? litellm.get("timeout") : config.values().get("timeout");
        if (v instanceof Number n && !(v instanceof Boolean)) {
            double s = n.doubleValue();
            if (s > 0 && Double.isFinite(s)) {
                return Duration.ofMillis(Math.max(1, Math.round(s * 1000)));
            }
        }
        return DEFAULT_TIMEOUT;
    }

    private static Map<String, String> headers(KbConfig config) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Object source : new Object[] {config.values().get("extra_headers"), litellm(config).get("extra_headers")}) {
            if (source instanceof Map<?, ?> m) {
                m.forEach((k, v) -> {
                    if (k != null && v != null && !String.valueOf(k).isBlank()) {
                        out.put(String.valueOf(k), String.valueOf(v));
                    }
                });
            }
        }
        return out;
    }

    private static int maxTokens(KbConfig config) {
        Object v = config.values().get("max_tokens");
        return (v instanceof Integer || v instanceof Long) && ((Number) v).intValue() > 0
                ? ((Number) v).intValue() : DEFAULT_MAX_TOKENS;
    }

    private static Map<?, ?> litellm(KbConfig config) {
        return config.values().get("litellm") instanceof Map<?, ?> m ? m : Map.of();
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "LlmSettings[provider=" + provider + ", model=" + model + ", baseUrl=" + baseUrl() + ", apiKey="
                + (apiKey == null ? "none" : "***") + ", timeout=" + timeout + ", extraHeaders=" + extraHeaders.keySet()
                + ", maxTokens=" + maxTokens + "]";
    }
}
