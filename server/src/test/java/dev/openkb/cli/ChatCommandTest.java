package dev.openkb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.chat.ChatSession;
import dev.openkb.chat.ChatStore;
import dev.openkb.io.AtomicFiles;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code openkb chat} as a user runs it: a child JVM reading questions and slash commands from a pipe, and one
 * on a pseudo-terminal ({@code script(1)}) where JLine reads the keys. The KB is made by the CLI itself.
 */
class ChatCommandTest {
    @TempDir
    Path dir;

    private Path kb;

    @BeforeEach
    void kbWithTwoDocuments() throws IOException {
        kb = dir.resolve("kb");
        assertEquals(Main.OK, CliRun.of("init", kb.toString()).code());
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("rivers.md"), "# Rivers\n\nA river carries sediment to the delta, where the current slows"
                + " and the sediment settles into new land.\n");
        Files.writeString(in.resolve("bread.md"), "# Bread\n\nYeast ferments the dough; the carbon dioxide it makes leavens"
                + " the bread before baking.\n");
        CliRun added = CliRun.of("add", "--kb", kb.toString(), in.toString());
        assertEquals(Main.OK, added.code(), added.out() + added.err());
    }

    private ChatStore store() {
        return new ChatStore(new KbLayout(kb), new AtomicFiles(new RealFileOps()));
    }

    @Test
    void throughAPipeQuestionsAreAnsweredLoggedAndKeptAsASessionAndSlashCommandsWork() throws Exception {
        String out = chat("Where does the sediment of a river settle?\n/status\n/list\n/save River notes!\n/help\n/nonsense\n/exit\n",
                "--kb", kb.toString());

        assertFalse(out.contains(">>> "), "no prompt into a pipe: " + out);
        assertTrue(out.contains("sediment"), "the answer quotes the KB: " + out);
        assertTrue(out.contains("Sources: ") && out.contains("rivers"), "the sources are named: " + out);
        assertTrue(out.contains("Total indexed: 2 document(s)"), "/status: " + out);
        assertTrue(out.contains("rivers.md") && out.contains("bread.md"), "/list: " + out);
        assertTrue(out.contains("/add <path>"), "/help: " + out);
        assertTrue(out.contains("Unknown command: /nonsense. Try /help."), out);
        assertTrue(out.strip().endsWith("Bye."), out);

        List<ChatStore.Entry> sessions = store().list();
        assertEquals(1, sessions.size(), "one session: " + sessions);
        ChatSession s = store().load(sessions.get(0).id());
        assertEquals(List.of("Where does the sediment of a river settle?"), s.userTurns());
        assertTrue(s.assistantTexts().get(0).contains("sediment"), s.assistantTexts().toString());
        assertEquals("Where does the sediment of a river settle?", s.title());

        String log = Files.readString(kb.resolve("wiki/log.md"));
        assertTrue(log.contains("] query | Where does the sediment of a river settle?\n"), "each question is logged: " + log);

        Path transcript = kb.resolve("wiki/explorations/river-notes-"
                + s.createdAt().substring(0, 10).replace("-", "") + ".md");
        assertTrue(out.contains("Saved to " + transcript), out);
        String text = Files.readString(transcript);
        assertTrue(text.startsWith("---\nsession: \"" + s.id() + "\"\nmodel: \"offline\"\ncreated: \"" + s.createdAt() + "\"\n---\n\n"
                + "# Chat transcript — Where does the sediment of a river settle?\n\n"
                + "## [1] Where does the sediment of a river settle?\n\n"), text);
        assertTrue(text.contains("[[sources/rivers]]"), "a cited source page keeps its link: " + text);
        assertEquals(List.of(), Files.list(kb.resolve(".openkb/journal")).filter(p -> p.toString().endsWith(".json")).toList(),
                "no journal left");
    }

    @Test
    void listResumeAndDelete() throws Exception {
        chat("What ferments the dough?\n", "--kb", kb.toString());
        String id = store().list().get(0).id();

        String listed = chat("", "--kb", kb.toString(), "--list");
        assertTrue(listed.startsWith(id + "  1 turn(s)  "), listed);
        assertTrue(listed.contains("What ferments the dough?"), listed);

        String resumed = chat("And where does sediment settle?\n", "--kb", kb.toString(), "--resume");
        assertTrue(resumed.contains("session " + id), resumed);
        assertTrue(resumed.contains("Resumed session, 1 turn(s)\n[1] >>> What ferments the dough?"), resumed);
        assertEquals(2, store().load(id).turnCount(), "the follow-up went into the resumed session");

        String byPrefix = chat("/exit\n", "--kb", kb.toString(), "-r", id.substring(0, 12));
        assertTrue(byPrefix.contains("session " + id), byPrefix);

        assertTrue(chat("", "--kb", kb.toString(), "--delete", id).contains("Deleted session " + id + "."));
        assertEquals(List.of(), store().list());
        assertFalse(Files.exists(kb.resolve(".openkb/chats/" + id + ".json")));
    }

    @Test
    void badIdsAreRefusedWithTheReasonAndTouchNothing() throws Exception {
        Path config = kb.resolve(".openkb/config.yaml");
        String before = Files.readString(config);
        Run bad = run("", List.of("--kb", kb.toString(), "--delete", "../config"));
        assertEquals(Main.USAGE, bad.code, bad.out);
        assertTrue(bad.out.contains("INVALID_ARGUMENT") && bad.out.contains("is not a chat session id"), bad.out);
        assertEquals(before, Files.readString(config));

        Run missing = run("", List.of("--kb", kb.toString(), "--resume", "2001"));
        assertEquals(Main.FAILURE, missing.code, missing.out);
        assertTrue(missing.out.contains("no chat session matches 2001"), missing.out);
        assertFalse(missing.out.contains("Exception"), "no stack trace: " + missing.out);
    }

    @Test
    void slashAddRunsTheAddPipelineWithProgress() throws Exception {
        Path doc = Files.writeString(dir.resolve("glaciers.md"), "# Glaciers\n\nA glacier grinds rock into fine flour.\n");
        String out = chat("/add " + doc + "\nWhat does a glacier grind?\n", "--kb", kb.toString());
        assertTrue(out.contains("[1/1] [OK]     glaciers.md → glaciers"), out);
        assertTrue(out.contains("Done: 1 added."), out);
        assertTrue(out.contains("glacier"), out);
        assertTrue(Files.exists(kb.resolve("raw/glaciers.md")));
    }

    @Test
    void onATerminalJLineReadsTheLinesAndShowsThePrompt() throws Exception {
        // script(1) gives the child a pseudo-terminal; what we write to script's stdin is typed into it.
        List<String> cmd = List.of("script", "-qec", shellLine(cli("chat", "--kb", kb.toString())), "/dev/null");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(dir.toFile());
        pb.environment().put("TERM", "dumb");
        Process p = pb.start();
        p.getOutputStream().write("Where does the sediment settle?\r/exit\r".getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().flush();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chat ends after /exit: " + out);
        assertTrue(out.contains(">>> "), "the prompt is shown on a terminal: " + out);
        assertTrue(out.contains("sediment"), out);
        assertTrue(out.contains("Bye."), out);
        assertEquals(1, store().list().size());
    }

    private record Run(int code, String out) {
    }

    /** Runs {@code openkb chat ARGS} in a child JVM with {@code stdin} piped in; expects exit 0. */
    private String chat(String stdin, String... args) throws Exception {
        Run r = run(stdin, List.of(args));
        assertEquals(Main.OK, r.code, r.out);
        return r.out;
    }

    private Run run(String stdin, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(cli("chat"));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).directory(dir.toFile()).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chat exits at the end of its input: " + out);
        return new Run(p.exitValue(), out);
    }

    private static List<String> cli(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static String shellLine(List<String> words) {
        return String.join(" ", words.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").toList());
    }
}
