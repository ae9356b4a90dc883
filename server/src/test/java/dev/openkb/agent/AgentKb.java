package dev.openkb.agent;

import dev.openkb.kb.KbConfig;
import dev.openkb.kb.KbLayout;
import dev.openkb.service.OpenKb;
import dev.openkb.testing.FakeLlmServer;
import dev.openkb.trust.ApprovalStore;
import dev.openkb.trust.ConfigHome;
import dev.openkb.trust.Endpoint;
import dev.openkb.trust.EndpointGate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small real KB for the agent tests: a wiki with an index, a summary, a short source, a long
 * document's per-page JSON and an image; a secret next to it (outside {@code wiki/}) that no tool
 * may reveal; a model configured at a {@link FakeLlmServer}, approved for this KB in a private
 * config home.
 */
public final class AgentKb {
    public static final String KEY = "sk-test-9f8e7d6c5b4a";
    public static final String SECRET = "TOP-SECRET-OUTSIDE-THE-WIKI";
    public static final String SCHEMA = "# Wiki schema of the agent tests";
    public static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};

    public final KbLayout kb;
    final Path home;
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    /** @param provider "openai" or "anthropic" */
    public AgentKb(Path dir, FakeLlmServer llm, String provider) throws IOException {
        home = dir.resolve("user-config");
        try (OpenKb engine = new OpenKb(w -> { })) {
            kb = engine.init(dir.resolve("kb"), "offline", "en");
        }
        configure(provider.equals("anthropic") ? "anthropic/claude-test" : "gpt-test", llm.baseUrl(), Map.of("language", "fr"));
        write("AGENTS.md", SCHEMA + "\n\nsummaries/, concepts/, entities/.\n");
        write("index.md", "# Knowledge Base Index\n\n## Documents\n- [[summaries/paper]] (pageindex) — attention paper\n");
        write("summaries/paper.md", "---\ndoc_type: pageindex\nfull_text: sources/paper.json\n---\n# Paper\nAttention is all you need.\n");
        write("sources/notes.md", "Short notes about transformers.\n");
        write("sources/paper.json", "[{\"page\": 1, \"content\": \"Intro\"}, {\"page\": 2, \"content\": \"Scaled dot-product attention\","
                + " \"images\": [{\"path\": \"sources/images/paper/p2_img1.png\"}]}, {\"page\": 3, \"content\": \"Multi-head\"}]");
        Files.createDirectories(kb.wikiDir().resolve("sources/images/paper"));
        Files.write(kb.wikiDir().resolve("sources/images/paper/p2_img1.png"), PNG);
        Files.writeString(kb.root().resolve(".env.secret"), SECRET);
        Files.writeString(dir.resolve("outside.md"), SECRET);
        Files.write(dir.resolve("outside.png"), PNG);
    }

    public void configure(String model, String baseUrl, Map<String, Object> extra) throws IOException {
        KbConfig cfg = KbConfig.load(kb.config()).with("model", model).with("base_url", baseUrl);
        for (Map.Entry<String, Object> e : extra.entrySet()) {
            cfg = cfg.with(e.getKey(), e.getValue());
        }
        Files.writeString(kb.config(), cfg.toYaml(), StandardCharsets.UTF_8);
    }

    public void write(String rel, String text) throws IOException {
        Path p = kb.wikiDir().resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    public Map<String, String> env() {
        return Map.of("LLM_API_KEY", KEY, ConfigHome.OVERRIDE_VARIABLE, home.toString());
    }

    public void approve(String url) {
        new EndpointGate(ApprovalStore.forUser(env())).approve(kb.root(), Endpoint.parse(url));
    }

    public KbConfig config() {
        return KbConfig.load(kb.config());
    }

    /** The model client as the engine builds it, with retries that record their wait instead of sleeping. */
    public ChatModel model() {
        return AgentModels.forConfig(config(), kb, env(), sleeps::add);
    }
}
