package dev.openkb.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.FileStage;
import dev.openkb.lint.LintCodes;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;
import org.junit.jupiter.api.Test;

/** docs/protocol.md documents every extension method, command, stage, code, and matches the sources' hash. */
class ProtocolDocTest {
    private static final Path DOC = Path.of("../docs/protocol.md");
    private static final List<Path> SOURCES = List.of(
            Path.of("src/main/java/dev/openkb/lsp/OpenKbProtocol.java"),
            Path.of("src/main/java/dev/openkb/lsp/OpenKbClient.java"),
            Path.of("src/main/java/dev/openkb/lsp/Protocol.java"));

    private static String doc() throws IOException {
        return Files.readString(DOC, StandardCharsets.UTF_8);
    }

    /** The wire names of the annotated methods, as LSP4J computes them (segment + name). */
    static List<String> methodNames(Class<?> api) {
        String segment = api.isAnnotationPresent(JsonSegment.class) ? api.getAnnotation(JsonSegment.class).value() + "/" : "";
        List<String> out = new ArrayList<>();
        for (Method m : api.getDeclaredMethods()) {
            String name = null;
            if (m.isAnnotationPresent(JsonRequest.class)) {
                name = m.getAnnotation(JsonRequest.class).value();
            } else if (m.isAnnotationPresent(JsonNotification.class)) {
                name = m.getAnnotation(JsonNotification.class).value();
            }
            if (name != null) {
                out.add(name.isEmpty() ? segment + m.getName() : (name.contains("/") ? name : segment + name));
            }
        }
        return out;
    }

    @Test
    void everyRequestAndNotificationHasItsSection() throws IOException {
        String doc = doc();
        List<String> names = new ArrayList<>(methodNames(OpenKbProtocol.class));
        names.addAll(methodNames(OpenKbClient.class));
        assertEquals(9, names.size(), names.toString());
        for (String n : names) {
            assertTrue(doc.contains("## `" + n + "`"), "docs/protocol.md has no section for " + n);
        }
    }

    @Test
    void everyCommandStageFindingCodeAndErrorCodeIsNamed() throws IOException {
        String doc = doc();
        List<String> words = new ArrayList<>(WorkspaceEvents.COMMANDS);
        for (FileStage s : FileStage.values()) {
            words.add("\"" + s.wireName() + "\"");
        }
        LintCodes.ALL.forEach(c -> words.add("`" + c + "`"));
        for (ErrorCode c : ErrorCode.values()) {
            words.add("`" + c.name() + "`");
        }
        for (String w : words) {
            assertTrue(doc.contains(w), "docs/protocol.md does not mention " + w);
        }
    }

    @Test
    void theDocumentedHashMatchesTheProtocolSources() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Path p : SOURCES) {
            sha.update(Files.readString(p, StandardCharsets.UTF_8).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
        }
        String hash = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        Matcher m = Pattern.compile("protocol source hash: (\\S+)").matcher(doc());
        assertTrue(m.find(), "docs/protocol.md has no 'protocol source hash:' line");
        assertEquals(hash, m.group(1), "the protocol sources changed: update docs/protocol.md, then its hash to " + hash);
    }
}
