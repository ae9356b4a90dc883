package dev.openkb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.kb.KbConfig;
import dev.openkb.kb.KbLayout;
import dev.openkb.trust.ApprovalStore;
import dev.openkb.trust.Endpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openkb trust} and {@code init --base-url}, through the command line, each test with its own user config folder. */
class TrustCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private Map<String, String> env() {
        return Map.of("OPENKB_CONFIG_HOME", dir.resolve("user-config").toString());
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env());
        return new Run(code, out.toString(), err.toString());
    }

    private ApprovalStore store() {
        return ApprovalStore.forUser(env());
    }

    private KbLayout kb(String model, String baseUrl) throws IOException {
        KbLayout kb = new KbLayout(dir.resolve("kb"));
        assertEquals(0, run("init", kb.root().toString()).code());
        KbConfig cfg = KbConfig.load(kb.config()).with("model", model);
        Files.writeString(kb.config(), (baseUrl == null ? cfg : cfg.with("base_url", baseUrl)).toYaml());
        return kb;
    }

    @Test
    void trustApprovesTheKbsEndpointAndSaysWhatAndWhere() throws IOException {
        KbLayout kb = kb("gpt-test", "https://LLM.example/v1/");
        Run r = run("trust", "--kb", kb.root().toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("Approved https://llm.example/v1 for the knowledge base at " + kb.root().toRealPath()
                + ": your API key and the documents you add will be sent there.\nUndo with: openkb trust --revoke --kb "
                + kb.root().toRealPath() + "\n", r.out());
        assertTrue(store().isApproved(kb.root(), Endpoint.parse("https://llm.example/v1")));
        assertFalse(Files.exists(kb.root().resolve("approvals.json")) || Files.exists(kb.openkbDir().resolve("approvals.json")),
                "nothing about the approval is written into the KB");

        Run list = run("trust", "--list");
        assertTrue(list.out().startsWith("https://llm.example/v1  for  " + kb.root().toRealPath() + "  (approved "), list.out());
        Run revoke = run("trust", "--revoke", "--kb", kb.root().toString());
        assertEquals(0, revoke.code());
        assertEquals("Revoked 1 approval(s) for the knowledge base at " + kb.root().toRealPath() + ": https://llm.example/v1\n", revoke.out());
        assertFalse(store().isApproved(kb.root(), Endpoint.parse("https://llm.example/v1")));
        assertTrue(run("trust", "--list").out().startsWith("No endpoint approvals ("), "the list is empty again");
    }

    @Test
    void offlineKbsAndProviderDefaultsHaveNothingToApprove() throws IOException {
        KbLayout kb = kb("offline", null);
        Run offline = run("trust", "--kb", kb.root().toString());
        assertEquals(0, offline.code());
        assertTrue(offline.out().contains("compiles offline") && offline.out().contains("nothing to approve"), offline.out());
        Files.writeString(kb.config(), KbConfig.load(kb.config()).with("model", "anthropic/claude-x").toYaml());
        Run builtIn = run("trust", "--kb", kb.root().toString());
        assertEquals(0, builtIn.code());
        assertEquals("https://api.anthropic.com/v1 is the provider's own endpoint for model anthropic/claude-x; it needs no approval.\n",
                builtIn.out());
        assertFalse(Files.exists(store().file()), "no approval was recorded");
    }

    @Test
    void plainHttpToAnotherMachineOrABadUrlCannotBeApproved() throws IOException {
        KbLayout kb = kb("gpt-test", "http://192.0.2.10:8000/v1");
        Run r = run("trust", "--kb", kb.root().toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("INVALID_ARGUMENT") && r.err().contains("use https://"), r.err());
        Files.writeString(kb.config(), KbConfig.load(kb.config()).with("base_url", "https://llm.example/v1?key=x").toYaml());
        Run bad = run("trust", "--kb", kb.root().toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("base_url: ") && bad.err().contains("query"), bad.err());
        assertFalse(Files.exists(store().file()));
        assertEquals(2, run("trust", "--list", "--revoke").code());
    }

    @Test
    void initWithABaseUrlWritesAndApprovesIt() throws IOException {
        Path root = dir.resolve("local-kb");
        Run r = run("init", root.toString(), "--model", "gpt-test", "--base-url", "http://127.0.0.1:1234/v1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Approved http://127.0.0.1:1234/v1 to receive your API key and documents for this KB."), r.out());
        KbLayout kb = new KbLayout(root);
        assertEquals("http://127.0.0.1:1234/v1", KbConfig.load(kb.config()).string("base_url"));
        assertTrue(store().isApproved(root, Endpoint.parse("http://127.0.0.1:1234/v1")));

        Path offline = dir.resolve("offline-kb");
        assertEquals(0, run("init", offline.toString(), "--base-url", "https://llm.example/v1").code());
        assertTrue(store().isApproved(offline, Endpoint.parse("https://llm.example/v1")), "typed for later use: approved too");
        Path builtIn = dir.resolve("openai-kb");
        assertEquals(0, run("init", builtIn.toString(), "--model", "gpt-5.4", "--base-url", "https://api.openai.com/v1").code());
        assertFalse(store().isApproved(builtIn, Endpoint.parse("https://api.openai.com/v1")), "a provider default needs no entry");

        Run refused = run("init", dir.resolve("lan-kb").toString(), "--model", "gpt-test", "--base-url", "http://10.0.0.5:11434/v1");
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("plain http:// is allowed only to this machine"), refused.err());
        assertFalse(Files.exists(dir.resolve("lan-kb")), "nothing is created for a URL that could never be used");
    }
}
