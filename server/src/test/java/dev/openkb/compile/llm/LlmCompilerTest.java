package dev.openkb.compile.llm;

import dev.openkb.compile.CompileResult;
import dev.openkb.compile.Compilers;
import dev.openkb.compile.Harness;
import dev.openkb.compile.WikiCheck;
import dev.openkb.compile.WikiCompiler;
import dev.openkb.compile.offline.OfflineCompiler;
import dev.openkb.compile.pages.PageWriter;
import static dev.openkb.compile.llm.FakeLlm.anthropic;
import static dev.openkb.compile.llm.FakeLlm.openAi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.compile.llm.FakeLlm.Answer;
import dev.openkb.compile.llm.FakeLlm.Call;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.kb.KbConfig;
import dev.openkb.testing.TreeManifest;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmCompilerTest {
    static final String KEY = "sk-test-9f8e7d6c5b4a";
    static final String DOC = "# Transformers\n\nThe Transformer relies on attention. Google Brain built it.\n";
    static final String SUMMARY = "{\"description\": \"How transformers use attention.\", \"content\": "
            + "\"# Transformers\\n\\nUses [[concepts/attention]] and [[concepts/made-up]].\"}";
    static final String PLAN = "{\"concepts\": {\"create\": [{\"name\": \"attention\", \"title\": \"Attention\"}], "
            + "\"update\": [], \"related\": []}, \"entities\": {\"create\": [{\"name\": \"Google Brain\", "
            + "\"title\": \"Google Brain\", \"type\": \"organization\"}], \"update\": [], \"related\": []}}";
    static final String CONCEPT = "{\"description\": \"Weighting inputs by relevance.\", \"content\": "
            + "\"# Attention\\n\\nFrom [[summaries/doc]]; see [[concepts/ghost]] and [[entities/google-brain]].\"}";
    static final String ENTITY = "{\"description\": \"A research team.\", \"type\": \"organization\", "
            + "\"content\": \"Google Brain built [[concepts/attention]].\"}";
    static final String REWRITE = "# Transformers\n\nUses [[concepts/attention]], [[entities/google-brain]] and [[concepts/made-up]].";

    @TempDir
    Path dir;
    Harness h;
    FakeLlm llm;
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        h = new Harness(dir.resolve("kb"));
    }

    @AfterEach
    void tearDown() throws IOException {
        if (llm != null) {
            llm.close();
        }
        h.close();
        assertKeyNowhereInKb();
    }

    /** The happy-path answer for each step, overridable per test. */
    static Answer happy(Call c, Function<String, Answer> reply) {
        if (c.is(Prompts.TASK_SUMMARY)) {
            return reply.apply(SUMMARY);
        }
        if (c.is(Prompts.TASK_PLAN)) {
            return reply.apply(PLAN);
        }
        if (c.is(Prompts.TASK_CONCEPT) || c.is(Prompts.TASK_CONCEPT_UPDATE)) {
            return reply.apply(CONCEPT);
        }
        if (c.is(Prompts.TASK_ENTITY) || c.is(Prompts.TASK_ENTITY_UPDATE)) {
            return reply.apply(ENTITY);
        }
        if (c.is(Prompts.TASK_REWRITE)) {
            return reply.apply(REWRITE);
        }
        throw new AssertionError("unexpected step: " + c.last());
    }

    private WikiCompiler compiler(String model, Function<Call, Answer> script, Map<String, Object> extra) throws IOException {
        llm = new FakeLlm(script);
        KbConfig cfg = h.config().with("model", model).with("base_url", llm.baseUrl());
        for (Map.Entry<String, Object> e : extra.entrySet()) {
            cfg = cfg.with(e.getKey(), e.getValue());
        }
        Files.writeString(h.kb.config(), cfg.toYaml(), StandardCharsets.UTF_8);
        approve(llm.baseUrl());
        return Compilers.forConfig(h.config(), h.kb, env("LLM_API_KEY", KEY), sleeps::add);
    }

    /** The test's environment: its own user config folder (approvals), plus {@code kv}. */
    Map<String, String> env(String... kv) {
        Map<String, String> env = new java.util.HashMap<>();
        env.put(ConfigHome.OVERRIDE_VARIABLE, dir.resolve("user-config").toString());
        for (int i = 0; i < kv.length; i += 2) {
            env.put(kv[i], kv[i + 1]);
        }
        return env;
    }

    /** What {@code openkb trust} does for the test KB. */
    void approve(String url) {
        new EndpointGate(ApprovalStore.forUser(env())).approve(h.kb.root(), Endpoint.parse(url));
    }

    private WikiCompiler openAiCompiler(Function<Call, Answer> script) throws IOException {
        return compiler("gpt-test", script, Map.of());
    }

    @Test
    void openAiHappyPathWritesLinkedPagesAndStripsGhostLinks() throws IOException {
        CompileResult r = h.addShort(openAiCompiler(c -> happy(c, FakeLlm::openAi)), "doc", DOC);

        String summary = h.read("wiki/summaries/doc.md");
        assertTrue(summary.startsWith("---\ntype: \"Summary\"\ndescription: \"How transformers use attention.\"\n"
                + "doc_type: short\nfull_text: \"sources/doc.md\"\n---\n\n# Transformers\n\nUses [[concepts/attention]], "
                + "[[entities/google-brain]] and made up."), summary);
        String concept = h.read("wiki/concepts/attention.md");
        assertTrue(concept.startsWith("---\ntype: \"Concept\"\nsources: [\"summaries/doc.md\"]\n"
                + "description: \"Weighting inputs by relevance.\"\n---\n\n# Attention"), concept);
        assertFalse(concept.contains("[[concepts/ghost]]"));
        assertTrue(h.read("wiki/entities/google-brain.md").contains("type: \"Organization\""));
        String index = h.read("wiki/index.md");
        assertTrue(index.contains("- [[summaries/doc]] (short) — How transformers use attention."), index);
        assertTrue(index.contains("- [[concepts/attention]] — Weighting inputs by relevance."), index);
        assertTrue(index.contains("- [[entities/google-brain]] (organization) — A research team."), index);
        assertEquals(List.of(), WikiCheck.problems(h.kb));
        assertEquals("How transformers use attention.", r.description());

        assertEquals(5, llm.calls.size());
        for (Call c : llm.calls) {
            assertEquals("/v1/chat/completions", c.path());
            assertEquals("Bearer " + KEY, c.header("Authorization"));
            assertEquals("gpt-test", c.body().path("model").asText());
            JsonAssert.systemFirst(c.body().path("messages"));
            assertEquals(!c.is(Prompts.TASK_REWRITE), c.body().has("response_format"), c.last());
        }
        String system = llm.calls.get(0).body().path("messages").get(0).path("content").asText();
        assertTrue(system.contains("# Wiki Schema") && system.contains("language: en"), system);
        String known = llm.calls(Prompts.TASK_CONCEPT).get(0).body().path("messages").get(3).path("content").asText();
        assertTrue(known.contains("- concepts/attention\n") && known.contains("- entities/google-brain\n"), known);
    }

    @Test
    void anthropicModelsUseTheMessagesApiWithCacheBreakpoints() throws IOException {
        h.addShort(compiler("anthropic/claude-test", c -> happy(c, t -> anthropic(t, "end_turn")), Map.of()), "doc", DOC);

        assertTrue(Files.exists(h.kb.concept("attention")));
        for (Call c : llm.calls) {
            assertEquals("/v1/messages", c.path());
            assertEquals(KEY, c.header("x-api-key"));
            assertEquals("2023-06-01", c.header("anthropic-version"));
            assertEquals("claude-test", c.body().path("model").asText());
            assertEquals(8192, c.body().path("max_tokens").asInt());
            assertTrue(c.body().path("system").get(0).path("text").asText().contains("# Wiki Schema"));
            JsonAssert.rolesAlternate(c.body().path("messages"));
        }
        Call plan = llm.calls(Prompts.TASK_PLAN).get(0);
        assertTrue(plan.body().toString().contains("\"cache_control\":{\"type\":\"ephemeral\"}"));
        assertEquals(List.of(), WikiCheck.problems(h.kb));
    }

    @Test
    void unusablePlanStillWritesTheSummaryAndIndexEntry() throws IOException {
        CompileResult r = h.addShort(openAiCompiler(c -> c.is(Prompts.TASK_PLAN) ? openAi("Create attention, I think {")
                : happy(c, FakeLlm::openAi)), "doc", DOC);

        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("not usable JSON")), r.warnings().toString());
        String summary = h.read("wiki/summaries/doc.md");
        assertTrue(summary.contains("Uses attention and made up."), summary);
        assertTrue(h.read("wiki/index.md").contains("- [[summaries/doc]] (short) — How transformers use attention."));
        assertFalse(Files.exists(h.kb.concept("attention")));
        assertEquals(List.of(), WikiCheck.problems(h.kb));
    }

    @Test
    void summaryThatIsNotJsonIsUsedAsTextWithADerivedDescription() throws IOException {
        h.addShort(openAiCompiler(c -> c.is(Prompts.TASK_SUMMARY)
                ? openAi("The Transformer summary in prose. It has two sentences.") : happy(c, FakeLlm::openAi)), "doc", DOC);
        assertTrue(h.read("wiki/summaries/doc.md").contains(
                "description: \"The Transformer summary in prose. It has two sentences.\""));
    }

    @Test
    void oneElementListPageIsUnwrappedAndOtherShapesAreSkipped() throws IOException {
        CompileResult r = h.addShort(openAiCompiler(c -> c.is(Prompts.TASK_CONCEPT)
                ? openAi("[{\"description\": \"Listed.\", \"content\": \"Attention body.\"}]")
                : c.is(Prompts.TASK_ENTITY) ? openAi("[{\"content\": \"a\"}, {\"content\": \"b\"}]")
                : happy(c, FakeLlm::openAi)), "doc", DOC);

        assertTrue(h.read("wiki/concepts/attention.md").contains("description: \"Listed.\""));
        assertFalse(Files.exists(h.kb.entity("google-brain")));
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("entities/google-brain: the model gave a JSON array of 2 items")),
                r.warnings().toString());
        assertFalse(h.read("wiki/summaries/doc.md").contains("[[entities/google-brain]]"), "no link to a page that was not written");
        assertEquals(List.of(), WikiCheck.problems(h.kb));
    }

    @Test
    void truncatedPageAnswerNeverOverwritesTheExistingPage() throws IOException {
        String old = "---\ntype: \"Concept\"\nsources: [\"summaries/old.md\"]\ndescription: \"Old.\"\n---\n\nGood old body.\n";
        Files.writeString(h.kb.concept("attention"), old, StandardCharsets.UTF_8);
        CompileResult r = h.addShort(openAiCompiler(c -> c.is(Prompts.TASK_CONCEPT_UPDATE)
                ? openAi("{\"description\": \"Cut\", \"content\": \"Half a pa", "length") : happy(c, FakeLlm::openAi)), "doc", DOC);

        assertEquals(old, h.read("wiki/concepts/attention.md"));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("cut off")), r.warnings().toString());
        assertEquals(1, llm.calls(Prompts.TASK_CONCEPT_UPDATE).size(), "plan said create; the page exists, so it is an update");
    }

    @Test
    void createForAnExistingPageUpdatesItAndKeepsItsSources() throws IOException {
        Files.writeString(h.kb.concept("attention"), "---\ntype: \"Concept\"\nsources: [\"summaries/old.md\"]\n"
                + "description: \"Old.\"\n---\n\nOld body.\n", StandardCharsets.UTF_8);
        h.addShort(openAiCompiler(c -> happy(c, FakeLlm::openAi)), "doc", DOC);

        String page = h.read("wiki/concepts/attention.md");
        assertEquals(List.of("summaries/doc.md", "summaries/old.md"), PageWriter.sources(page));
        assertTrue(llm.calls(Prompts.TASK_CONCEPT_UPDATE).get(0).last().contains("Old body."));
    }

    @Test
    void rateLimitIsRetriedAfterTheServersDelay() throws IOException {
        AtomicInteger summaries = new AtomicInteger();
        h.addShort(openAiCompiler(c -> c.is(Prompts.TASK_SUMMARY) && summaries.getAndIncrement() == 0
                ? FakeLlm.status(429, "{\"error\": {\"message\": \"slow down\"}}", Map.of("Retry-After", "0"))
                : happy(c, FakeLlm::openAi)), "doc", DOC);

        assertEquals(2, llm.calls(Prompts.TASK_SUMMARY).size());
        assertEquals(List.of(Duration.ZERO), sleeps);
        assertTrue(Files.exists(h.kb.summary("doc")));
    }

    @Test
    void serverErrorsBackOffExponentiallyThenFailAndTheAddRollsBack() throws IOException {
        var before = TreeManifest.of(h.kb.wikiDir());
        WikiCompiler c = openAiCompiler(x -> FakeLlm.status(500, "{\"error\": {\"message\": \"boom\"}}", Map.of()));
        KbException e = assertThrows(KbException.class, () -> h.addShort(c, "doc", DOC));

        assertEquals(ErrorCode.COMPILE_FAILED, e.code());
        assertTrue(e.getMessage().contains("gave up after 4 attempts: HTTP 500: boom"), e.getMessage());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeps);
        assertEquals(4, llm.calls.size());
        assertEquals(before, TreeManifest.of(h.kb.wikiDir()));
    }

    @Test
    void aRequestThatTimesOutIsRetried() throws IOException {
        AtomicInteger summaries = new AtomicInteger();
        WikiCompiler c = compiler("gpt-test", x -> {
            Answer a = happy(x, FakeLlm::openAi);
            return x.is(Prompts.TASK_SUMMARY) && summaries.getAndIncrement() == 0 ? a.after(5_000) : a;
        }, Map.of("timeout", 0.3));
        h.addShort(c, "doc", DOC);

        assertEquals(2, llm.calls(Prompts.TASK_SUMMARY).size());
        assertEquals(List.of(Duration.ofSeconds(1)), sleeps);
        assertTrue(Files.exists(h.kb.summary("doc")));
    }

    @Test
    void unauthorizedFailsAtOnceWithAHintAndWithoutTheKey() throws IOException {
        WikiCompiler c = openAiCompiler(x -> FakeLlm.status(401,
                "{\"error\": {\"message\": \"Incorrect API key provided: " + KEY + "\"}}", Map.of()));
        KbException e = assertThrows(KbException.class, () -> h.addShort(c, "doc", DOC));

        assertTrue(e.getMessage().contains("check LLM_API_KEY"), e.getMessage());
        assertFalse(e.getMessage().contains(KEY), e.getMessage());
        assertTrue(e.getMessage().contains("Incorrect API key provided: ***"), e.getMessage());
        assertEquals(1, llm.calls.size());
        assertEquals(List.of(), sleeps);
        assertFalse(Files.exists(h.kb.summary("doc")));
    }

    @Test
    void unknownModelNamesTheModelAndUrl() throws IOException {
        WikiCompiler c = openAiCompiler(x -> FakeLlm.status(404, "{\"error\": {\"message\": \"no such model\"}}", Map.of()));
        KbException e = assertThrows(KbException.class, () -> h.addShort(c, "doc", DOC));
        assertTrue(e.getMessage().contains("model or base_url not found (HTTP 404): model 'gpt-test'"), e.getMessage());
    }

    @Test
    void keyIsReadFromTheKbDotEnvWhenTheEnvironmentHasNone() throws IOException {
        llm = new FakeLlm(c -> happy(c, FakeLlm::openAi));
        Files.writeString(h.kb.envFile(), "# secrets\nexport LLM_API_KEY=\"" + KEY + "\"\n", StandardCharsets.UTF_8);
        Files.writeString(h.kb.config(), h.config().with("model", "gpt-test").with("base_url", llm.baseUrl()).toYaml());
        approve(llm.baseUrl());
        h.addShort(Compilers.forConfig(h.config(), h.kb, env()), "doc", DOC);
        assertEquals("Bearer " + KEY, llm.calls.get(0).header("Authorization"));
    }

    @Test
    void aRemoteModelWithoutKeyIsRefusedUpFront() throws IOException {
        KbConfig cfg = h.config().with("model", "gpt-test").with("base_url", "https://llm.example.invalid/v1");
        KbException e = assertThrows(KbException.class, () -> Compilers.forConfig(cfg, h.kb, Map.of()));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains("LLM_API_KEY"), e.getMessage());
    }

    @Test
    void providerComesFromTheModelPrefix() {
        KbConfig base = KbConfig.defaults();
        LlmSettings ollama = LlmSettings.from(base.with("model", "ollama/llama3"), h.kb, Map.of());
        assertEquals("http://localhost:11434/v1", ollama.baseUrl());
        assertEquals("llama3", ollama.model());
        assertEquals(LlmSettings.Provider.OPENAI_COMPATIBLE, ollama.provider());
        LlmSettings claude = LlmSettings.from(base.with("model", "anthropic/claude-x")
                .with("litellm", Map.of("timeout", 30, "extra_headers", Map.of("X-A", 1))), h.kb, Map.of("LLM_API_KEY", KEY));
        assertEquals(LlmSettings.Provider.ANTHROPIC, claude.provider());
        assertEquals("https://api.anthropic.com/v1", claude.baseUrl());
        assertEquals(Duration.ofSeconds(30), claude.timeout());
        assertEquals(Map.of("X-A", "1"), claude.extraHeaders());
        assertFalse(claude.toString().contains(KEY));
        LlmSettings plain = LlmSettings.from(base.with("model", "gpt-5.4"), h.kb, Map.of("LLM_API_KEY", KEY));
        assertEquals("https://api.openai.com/v1", plain.baseUrl());
        assertEquals("gpt-5.4", plain.model());
        assertEquals(LlmSettings.DEFAULT_TIMEOUT, plain.timeout());
        assertTrue(Compilers.forConfig(base, h.kb, Map.of()) instanceof OfflineCompiler);
    }

    private void assertKeyNowhereInKb() throws IOException {
        try (Stream<Path> s = Files.walk(h.kb.root())) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.equals(h.kb.envFile())).toList()) {
                assertFalse(Files.readString(p, StandardCharsets.ISO_8859_1).contains(KEY), "key found in " + p);
            }
        }
    }
}
