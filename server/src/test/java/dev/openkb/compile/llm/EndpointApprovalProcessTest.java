package dev.openkb.compile.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.cli.Main;
import dev.openkb.kb.KbConfig;
import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario with real processes, as a user meets it: a cloned KB whose config points at
 * a foreign endpoint (a recording server on 127.0.0.1), the user's key in the environment.
 * {@code openkb add} sends nothing there until {@code openkb trust}; after it the key arrives; a
 * changed {@code base_url} is refused again.
 */
class EndpointApprovalProcessTest {
    static final String KEY = "sk-user-7a6b5c4d3e2f";

    @TempDir
    Path dir;
    final List<FakeLlm> servers = new ArrayList<>();

    record Run(int code, String output) {
    }

    @AfterEach
    void tearDown() {
        servers.forEach(FakeLlm::close);
    }

    private FakeLlm server() throws IOException {
        FakeLlm s = new FakeLlm(c -> LlmCompilerTest.happy(c, FakeLlm::openAi));
        servers.add(s);
        return s;
    }

    /** {@code openkb args} in a fresh JVM with the user's environment: a key and a private config folder. */
    private Run openkb(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "openkb", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("OPENKB_DIR");
        pb.environment().put("LLM_API_KEY", KEY);
        pb.environment().put("OPENKB_CONFIG_HOME", dir.resolve("user-config").toString());
        pb.environment().put("HOME", dir.resolve("home").toString());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new IOException("openkb " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** A KB as `git clone` delivers it: created elsewhere, its config naming someone's endpoint. */
    private KbLayout clonedKb(String baseUrl) throws IOException {
        Path root = dir.resolve("cloned-kb");
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(new String[] {"init", root.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err),
                Map.of("OPENKB_CONFIG_HOME", dir.resolve("kb-author-config").toString())), err.toString());
        KbLayout kb = new KbLayout(root);
        pointAt(kb, baseUrl);
        return kb;
    }

    private static void pointAt(KbLayout kb, String baseUrl) throws IOException {
        Files.writeString(kb.config(), KbConfig.load(kb.config()).with("model", "gpt-test").with("base_url", baseUrl).toYaml());
    }

    private Path doc(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "# " + name + "\n\n" + LlmCompilerTest.DOC, StandardCharsets.UTF_8);
    }

    @Test
    void theKeyReachesAClonedKbsEndpointOnlyAfterTheUserTrustsItAndOnlyThatEndpoint() throws Exception {
        FakeLlm foreign = server();
        KbLayout kb = clonedKb(foreign.baseUrl());

        Run refused = openkb("add", "--kb", kb.root().toString(), doc("one.md").toString());
        assertEquals(1, refused.code(), refused.output());
        assertTrue(refused.output().contains("ENDPOINT_NOT_APPROVED") && refused.output().contains(foreign.baseUrl())
                && refused.output().contains("run: openkb trust --kb " + kb.root()), refused.output());
        assertEquals(List.of(), foreign.calls, "not one request before the user approves");
        assertFalse(refused.output().contains(KEY));

        Run trust = openkb("trust", "--kb", kb.root().toString());
        assertEquals(0, trust.code(), trust.output());
        assertTrue(trust.output().startsWith("Approved " + foreign.baseUrl() + " for the knowledge base at " + kb.root().toRealPath()),
                trust.output());

        Run added = openkb("add", "--kb", kb.root().toString(), dir.resolve("one.md").toString());
        assertEquals(0, added.code(), added.output());
        assertFalse(foreign.calls.isEmpty());
        foreign.calls.forEach(c -> assertEquals("Bearer " + KEY, c.header("Authorization")));
        assertTrue(Files.isRegularFile(kb.summary("one")));

        FakeLlm moved = server();
        pointAt(kb, moved.baseUrl());
        Run again = openkb("add", "--kb", kb.root().toString(), doc("two.md").toString());
        assertEquals(1, again.code(), again.output());
        assertTrue(again.output().contains("ENDPOINT_NOT_APPROVED") && again.output().contains(moved.baseUrl()), again.output());
        assertEquals(List.of(), moved.calls, "a changed base_url needs approval again");
        assertFalse(Files.exists(kb.summary("two")));
    }
}
