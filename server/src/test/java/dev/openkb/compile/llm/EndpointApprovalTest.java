package dev.openkb.compile.llm;

import dev.openkb.compile.Compilers;
import dev.openkb.compile.Harness;
import dev.openkb.compile.WikiCompiler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.kb.KbConfig;
import dev.openkb.trust.ApprovalStore;
import dev.openkb.trust.ConfigHome;
import dev.openkb.trust.Endpoint;
import dev.openkb.trust.EndpointGate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the key may go: the endpoint gate as the compiler meets it, and what a failed connection says. */
class EndpointApprovalTest {
    static final String KEY = "sk-user-1a2b3c4d5e6f";

    @TempDir
    Path dir;
    Harness h;
    FakeLlm llm;
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        h = new Harness(dir.resolve("kb"));
        llm = new FakeLlm(c -> LlmCompilerTest.happy(c, FakeLlm::openAi));
    }

    @AfterEach
    void tearDown() {
        llm.close();
        h.close();
    }

    private Map<String, String> env(String... kv) {
        Map<String, String> env = new HashMap<>(Map.of(ConfigHome.OVERRIDE_VARIABLE, dir.resolve("user-config").toString()));
        for (int i = 0; i < kv.length; i += 2) {
            env.put(kv[i], kv[i + 1]);
        }
        return env;
    }

    private KbConfig pointAt(String model, String baseUrl) throws IOException {
        KbConfig cfg = h.config().with("model", model).with("base_url", baseUrl);
        Files.writeString(h.kb.config(), cfg.toYaml(), StandardCharsets.UTF_8);
        return cfg;
    }

    private void approve(String url) {
        new EndpointGate(ApprovalStore.forUser(env())).approve(h.kb.root(), Endpoint.parse(url));
    }

    @Test
    void aKeyFromTheKbsOwnDotEnvIsNotSentToAnUnapprovedEndpointEither() throws IOException {
        Files.writeString(h.kb.envFile(), "LLM_API_KEY=" + KEY + "\n");
        KbConfig cfg = pointAt("gpt-test", llm.baseUrl());
        KbException e = assertThrows(KbException.class, () -> Compilers.forConfig(cfg, h.kb, env()));
        assertEquals(ErrorCode.ENDPOINT_NOT_APPROVED, e.code());
        assertEquals(List.of(), llm.calls);

        approve(llm.baseUrl());
        h.addShort(Compilers.forConfig(cfg, h.kb, env()), "doc", LlmCompilerTest.DOC);
        assertEquals("Bearer " + KEY, llm.calls.get(0).header("Authorization"));
    }

    @Test
    void aKeylessLocalServerNeedsApprovalTooBecauseTheDocumentsGoThere() throws IOException {
        KbConfig cfg = pointAt("gpt-test", llm.baseUrl());
        assertEquals(ErrorCode.ENDPOINT_NOT_APPROVED, assertThrows(KbException.class, () -> Compilers.forConfig(cfg, h.kb, env())).code());
        assertEquals(List.of(), llm.calls);
    }

    @Test
    void revokingCountsForTheNextCompilerAndAnotherKbIsNotApproved() throws IOException {
        KbConfig cfg = pointAt("gpt-test", llm.baseUrl());
        approve(llm.baseUrl());
        Compilers.forConfig(cfg, h.kb, env("LLM_API_KEY", KEY));
        ApprovalStore.forUser(env()).revoke(h.kb.root());
        assertEquals(ErrorCode.ENDPOINT_NOT_APPROVED,
                assertThrows(KbException.class, () -> Compilers.forConfig(cfg, h.kb, env("LLM_API_KEY", KEY))).code());
        approve(llm.baseUrl());
        try (Harness other = new Harness(dir.resolve("other-kb"))) {
            assertEquals(ErrorCode.ENDPOINT_NOT_APPROVED,
                    assertThrows(KbException.class, () -> Compilers.forConfig(cfg, other.kb, env("LLM_API_KEY", KEY))).code());
        }
    }

    @Test
    void aKbDotEnvLinkedToAFileOutsideTheKbIsNotRead() throws IOException {
        Path secrets = Files.writeString(dir.resolve("my-secrets.env"), "LLM_API_KEY=" + KEY + "\n");
        Files.createSymbolicLink(h.kb.envFile(), secrets);
        KbConfig cfg = pointAt("gpt-test", llm.baseUrl());
        approve(llm.baseUrl());
        KbException e = assertThrows(KbException.class, () -> Compilers.forConfig(cfg, h.kb, env()));
        assertEquals(ErrorCode.PATH_OUTSIDE_KB, e.code());
        assertFalse(e.getMessage().contains(KEY));
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedEvenWhenApprovedInTheStore() throws IOException {
        KbConfig cfg = pointAt("gpt-test", "http://192.0.2.10:8000/v1");
        Files.createDirectories(dir.resolve("user-config"));
        Files.writeString(dir.resolve("user-config/approvals.json"), "{\"approvals\": [{\"kb\": \"" + h.kb.root().toRealPath()
                + "\", \"endpoint\": \"http://192.0.2.10:8000/v1\", \"approved_at\": \"2026-12-07T17:00:00Z\"}]}");
        KbException e = assertThrows(KbException.class, () -> Compilers.forConfig(cfg, h.kb, env("LLM_API_KEY", KEY)));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains("plain http://"), e.getMessage());
    }

    @Test
    void onlyTheModelsOwnProviderDefaultNeedsNoApproval() {
        KbConfig base = KbConfig.defaults();
        assertTrue(LlmSettings.endpoint(base.with("model", "gpt-5.4"), h.kb).providerDefault());
        assertTrue(LlmSettings.endpoint(base.with("model", "gpt-5.4").with("base_url", "https://API.openai.com:443/v1/"), h.kb).providerDefault());
        assertTrue(LlmSettings.endpoint(base.with("model", "ollama/llama3"), h.kb).providerDefault());
        assertFalse(LlmSettings.endpoint(base.with("model", "anthropic/claude-x").with("base_url", "https://api.openai.com/v1"), h.kb)
                .providerDefault(), "an Anthropic key does not go to OpenAI unasked");
        assertFalse(LlmSettings.endpoint(base.with("model", "gpt-5.4").with("base_url", "http://localhost:11434/v1"), h.kb).providerDefault());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KbException.class,
                () -> LlmSettings.endpoint(base.with("model", "gpt-5.4").with("base_url", "https://u:p@x.example/v1"), h.kb)).code());
        assertTrue(Compilers.forConfig(base.with("model", "gpt-5.4"), h.kb, env("LLM_API_KEY", KEY)) instanceof LlmCompiler,
                "the default endpoint is admitted with an empty approvals store");
    }

    @Test
    void aRedirectIsNotFollowedSoTheKeyGoesNowhereElse() throws IOException {
        try (FakeLlm elsewhere = new FakeLlm(c -> LlmCompilerTest.happy(c, FakeLlm::openAi))) {
            llm.close();
            llm = new FakeLlm(c -> FakeLlm.status(307, "", Map.of("Location", elsewhere.baseUrl() + "/chat/completions")));
            KbConfig cfg = pointAt("gpt-test", llm.baseUrl());
            approve(llm.baseUrl());
            WikiCompiler c = Compilers.forConfig(cfg, h.kb, env("LLM_API_KEY", KEY), sleeps::add);
            KbException e = assertThrows(KbException.class, () -> h.addShort(c, "doc", LlmCompilerTest.DOC));
            assertTrue(e.getMessage().contains("redirects (HTTP 307) to " + elsewhere.baseUrl()), e.getMessage());
            assertEquals(1, llm.calls.size());
            assertEquals(List.of(), elsewhere.calls);
        }
    }

    @Test
    void aRefusedConnectionNamesTheEndpointAndTheCauseNotNull() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/v1";
        KbConfig cfg = pointAt("gpt-test", url);
        approve(url);
        WikiCompiler c = Compilers.forConfig(cfg, h.kb, env("LLM_API_KEY", KEY), sleeps::add);
        KbException e = assertThrows(KbException.class, () -> h.addShort(c, "doc", LlmCompilerTest.DOC));
        assertEquals(ErrorCode.COMPILE_FAILED, e.code());
        assertTrue(e.getMessage().contains("connection to 127.0.0.1:" + closedPort + " failed: connection refused"), e.getMessage());
        assertFalse(e.getMessage().contains("null") || e.getMessage().contains(KEY), e.getMessage());
        assertEquals(LlmHttp.MAX_RETRIES, sleeps.size(), "a refused connection is retried (the server may be starting)");
    }

    @Test
    void anUnknownHostIsNamedAsADnsFailure() throws IOException {
        String url = "https://openkb-test.invalid/v1";
        KbConfig cfg = pointAt("gpt-test", url).with("timeout", 5);
        approve(url);
        WikiCompiler c = Compilers.forConfig(cfg, h.kb, env("LLM_API_KEY", KEY), sleeps::add);
        KbException e = assertThrows(KbException.class, () -> h.addShort(c, "doc", LlmCompilerTest.DOC));
        assertTrue(e.getMessage().contains("connection to openkb-test.invalid:443 failed: host name not found"), e.getMessage());
    }

    @Test
    void causesAreNamedFromTheExceptionChain() {
        assertTrue(LlmHttp.cause(new java.net.ConnectException()).startsWith("connection refused"));
        assertTrue(LlmHttp.cause(new IOException(new java.nio.channels.UnresolvedAddressException())).startsWith("host name not found"));
        java.net.ConnectException wrapped = new java.net.ConnectException();
        wrapped.initCause(new java.nio.channels.UnresolvedAddressException());
        assertTrue(LlmHttp.cause(wrapped).startsWith("host name not found"), "the JDK reports DNS failures as ConnectException");
        assertTrue(LlmHttp.cause(new javax.net.ssl.SSLHandshakeException("PKIX path building failed")).contains("TLS failed: PKIX"));
        assertEquals("IOException", LlmHttp.cause(new IOException()));
        assertEquals("Connection timed out", LlmHttp.cause(new IOException(new java.net.ConnectException("Connection timed out"))));
        assertEquals("Connection reset", LlmHttp.cause(new IOException(null, new java.net.SocketException("Connection reset"))));
    }
}
