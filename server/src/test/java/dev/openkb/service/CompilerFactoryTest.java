package dev.openkb.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.compile.offline.OfflineCompiler;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.kb.KbConfig;
import dev.openkb.kb.KbLayout;
import dev.openkb.testing.Fixtures;
import dev.openkb.trust.ApprovalStore;
import dev.openkb.trust.Endpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompilerFactoryTest {
    @TempDir
    Path dir;

    @Test
    void anUntrustedWorkspaceCompilesOfflineAndRefusesAnyLlmWithoutSendingAnything() throws IOException {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        assertTrue(CompilerFactory.offlineOnly().create(KbConfig.defaults(), kb) instanceof OfflineCompiler);
        KbException e = assertThrows(KbException.class,
                () -> CompilerFactory.offlineOnly().create(KbConfig.defaults().with("model", "gpt-5.4"), kb));
        assertEquals(ErrorCode.ENDPOINT_NOT_APPROVED, e.code());
        assertTrue(e.getMessage().contains("this workspace is not trusted"), e.getMessage());
    }

    @Test
    void theEnvironmentGivenIsWhereApprovalsAreLookedUp() throws IOException {
        KbLayout kb = Fixtures.kb(dir.resolve("kb"));
        KbConfig cfg = KbConfig.defaults().with("model", "gpt-test").with("base_url", "https://llm.example/v1");
        Map<String, String> env = Map.of("OPENKB_CONFIG_HOME", dir.resolve("cfg").toString(), "LLM_API_KEY", "sk-x");
        assertEquals(ErrorCode.ENDPOINT_NOT_APPROVED,
                assertThrows(KbException.class, () -> CompilerFactory.forEnvironment(env).create(cfg, kb)).code());
        ApprovalStore.forUser(env).approve(kb.root(), Endpoint.parse("https://llm.example/v1"));
        assertTrue(CompilerFactory.forEnvironment(env).create(cfg, kb) != null, "admitted once approved");
    }
}
