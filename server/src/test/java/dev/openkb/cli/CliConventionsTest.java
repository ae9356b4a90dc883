package dev.openkb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.kb.KbLayout;
import dev.openkb.testing.Fixtures;
import java.io.File;
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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's conventions (issue 17 item 5): help on every command, completion scripts, and output
 * that suits where it goes — a bar sized to the terminal through a real pseudo-terminal
 * ({@code script(1)}), plain lines into a pipe, ASCII under LANG=C — with every per-file line
 * before the summary, which counts the unsupported files a folder held.
 */
class CliConventionsTest {
    @TempDir
    Path dir;
    KbLayout kb;
    Path in;

    @BeforeEach
    void setUp() throws IOException {
        kb = Fixtures.kb(dir.resolve("kb"));
        in = Files.createDirectories(dir.resolve("in"));
        for (int i = 1; i <= 4; i++) {
            Fixtures.write(in.resolve("doc" + i + ".md"), "# Doc " + i + "\n\nText about Topic" + i + " and Person Name" + i + ".\n");
        }
        Fixtures.write(in.resolve("image.xyz"), "not a document");
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void everySubcommandAnswersDashHAndDashDashHelpAndHelpCommand() {
        List<String> names = new ArrayList<>(Main.commandLine(new Main(Map.of(), Terminal.PLAIN)).getSubcommands().keySet());
        assertTrue(names.containsAll(List.of("add", "init", "lint", "trust", "completion", "help")), names.toString());
        for (String name : names) {
            for (String flag : List.of("-h", "--help")) {
                CliRun r = run(name, flag);
                assertEquals(Main.OK, r.code(), name + " " + flag + ": " + r.err());
                assertTrue(isUsageOf(name, r.out()), name + " " + flag + ": " + r.out());
            }
            CliRun h = run("help", name);
            assertEquals(Main.OK, h.code(), "help " + name + ": " + h.err());
            assertTrue(isUsageOf(name, h.out()), "help " + name + ": " + h.out());
        }
    }

    /** picocli's own help command puts its one-line header above its usage line; the others start with it. */
    private static boolean isUsageOf(String name, String out) {
        return out.startsWith("Usage: openkb " + name + " ") || name.equals("help") && out.contains("\nUsage: openkb help ");
    }

    @Test
    void bashCompletionCompletesSubcommandsAndOptionsInARealBash() throws Exception {
        CliRun r = run("completion", "bash");
        assertEquals(Main.OK, r.code(), r.err());
        Path script = Files.writeString(dir.resolve("openkb.bash"), r.out());
        String completions = exec(List.of("bash", "-c", "source " + script + "; "
                + "COMP_WORDS=(openkb ad); COMP_CWORD=1; COMP_LINE='openkb ad'; COMP_POINT=9; _complete_openkb openkb ad openkb 2>/dev/null; echo \"${COMPREPLY[@]}\"; "
                + "COMP_WORDS=(openkb add --lock); COMP_CWORD=2; COMP_LINE='openkb add --lock'; COMP_POINT=17; _complete_openkb openkb --lock add 2>/dev/null; echo \"${COMPREPLY[@]}\""),
                Map.of());
        assertEquals("add\n--lock-timeout\n", completions);
    }

    @Test
    void zshGetsTheBashScriptWhichLoadsBashcompinitItself() {
        CliRun zsh = run("completion", "zsh");
        assertEquals(Main.OK, zsh.code(), zsh.err());
        assertEquals(run("completion", "bash").out(), zsh.out());
        assertTrue(zsh.out().contains("bashcompinit"), zsh.out());
    }

    @Test
    void fishCompletionIsGeneratedFromTheCommandModel() {
        CliRun r = run("completion", "fish");
        assertEquals(Main.OK, r.code(), r.err());
        // Every subcommand, in the tree's order (other commands may join; the model decides).
        String top = "complete -c openkb -n 'not __fish_seen_subcommand_from "
                + String.join(" ", Main.commandLine(new Main(Map.of(), Terminal.PLAIN)).getSubcommands().keySet()) + "'";
        assertTrue(r.out().contains(top + " -f -a add -d 'Add files and folders"), r.out());
        assertTrue(r.out().contains("complete -c openkb -n '__fish_seen_subcommand_from add' -s j -l jobs -r -f -d "), r.out());
        assertTrue(r.out().contains("complete -c openkb -n '__fish_seen_subcommand_from add' -l kb -l kb-dir -r -F -d "), r.out());
        assertTrue(r.out().contains("complete -c openkb -n '__fish_seen_subcommand_from lint' -l format -r -f -a 'text json' -d "), r.out());
        assertTrue(r.out().contains("complete -c openkb -n '__fish_seen_subcommand_from completion' -f -a 'bash zsh fish'"), r.out());
        assertTrue(r.out().contains("-d 'Check the wiki\\'s structure"), "a quote in a description is escaped: " + r.out());
        assertEquals(Main.USAGE, run("completion", "tcsh").code());
    }

    @Test
    void perFileLinesComeBeforeTheSummaryWhichCountsUnsupportedFiles() {
        StringWriter both = new StringWriter();
        PrintWriter w = new PrintWriter(both, true);
        assertEquals(Main.OK, Main.run(new String[] {"add", "--kb", kb.root().toString(), in.toString()}, w, w));
        String text = both.toString();
        int skip = text.indexOf("[SKIP] " + in.resolve("image.xyz") + ": unsupported file type");
        int done = text.indexOf("Done: ");
        assertTrue(skip >= 0 && done > skip, "the [SKIP] line comes before the summary: " + text);
        assertTrue(text.endsWith("\nDone: 4 added, 1 unsupported.\n"), text);
        assertEquals(done, text.lastIndexOf("Done: "), "one summary: " + text);
    }

    @Test
    void onATerminalTheBarRedrawsWithinColumnsAndShowsAnEta() throws Exception {
        String out = exec(List.of("script", "-qec", shellLine(cli("add", "--kb", kb.root().toString(), "-j", "1", in.toString())), "/dev/null"),
                Map.of("COLUMNS", "40"));
        assertTrue(out.contains("\r[") && out.contains("\033[K"), "a redrawing bar: " + out);
        assertTrue(out.contains(" ETA 0:"), out);
        for (String frame : out.split("\r")) {
            if (frame.startsWith("[#") || frame.startsWith("[-")) {
                String visible = frame.replace("\033[K", "");
                assertTrue(visible.length() <= 39, "every bar frame fits 40 columns less one: [" + visible + "]");
            }
        }
        assertTrue(out.contains("Done: 4 added, 1 unsupported."), out);
    }

    @Test
    void intoAPipeThereAreNoEscapesAndNoCarriageReturns() throws Exception {
        String out = exec(cli("add", "--kb", kb.root().toString(), in.toString()), Map.of("COLUMNS", "40"));
        assertFalse(out.contains("\033") || out.contains("\r"), out);
        assertTrue(out.contains("[1/4] [OK]     doc1.md → doc1\n"), out);
        assertTrue(out.contains("Done: 4 added"), out);
    }

    @Test
    void underLangCTheArrowIsWrittenInAscii() throws Exception {
        String out = exec(cli("add", "--kb", kb.root().toString(), in.resolve("doc1.md").toString()), Map.of("LANG", "C", "LC_ALL", "C"));
        assertTrue(out.contains("[1/1] [OK]     doc1.md -> doc1\n"), out);
        assertFalse(out.contains("?"), out);
    }

    @Test
    void theBarShowsTheEnginesPercentEtaAndMessage() {
        StringWriter out = new StringWriter();
        AtomicLong now = new AtomicLong();
        CliProgress p = new CliProgress(new PrintWriter(out, true), new Terminal(true, 200, StandardCharsets.UTF_8), now::get);
        p.batchStarted(10);
        now.set(TimeUnit.SECONDS.toNanos(30));
        p.fileDone(in.resolve("doc1.md"), 1, 10, "doc1", dev.openkb.engine.FileStatus.ADDED, null);
        p.fileDone(in.resolve("doc2.md"), 2, 10, "doc2", dev.openkb.engine.FileStatus.ADDED, null);
        // A fifth of the work in 30 s: 2:00 left (ProgressTracker's projection, the editors' too).
        assertTrue(out.toString().contains("] 20% ETA 2:00 2/10 added doc2.md"), out.toString());
        assertEquals(p.current().message(), "2/10 added doc2.md");
    }

    @Test
    void theDoneLineIsTheSummaryEveryFacePrints() {
        StringWriter out = new StringWriter();
        CliProgress p = new CliProgress(new PrintWriter(out, true), new Terminal(false, 80, StandardCharsets.UTF_8));
        dev.openkb.engine.AddSummary s = new dev.openkb.engine.AddSummary(9, 1, 0, 0, 1, 0);
        p.summary(s);
        assertEquals("Done: 9 added, 1 skipped, 1 unsupported.\n", out.toString().replace(System.lineSeparator(), "\n"));
        assertEquals("Done: " + s.line() + ".\n", out.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aDownloadIsABarOnATerminalAndItsStartAndEndWhenPiped() {
        StringWriter tty = new StringWriter();
        CliProgress bar = new CliProgress(new PrintWriter(tty, true), new Terminal(true, 200, StandardCharsets.UTF_8));
        bar.downloading("http://127.0.0.1:9/a.pdf", 1024, 4096);
        assertTrue(tty.toString().contains("\r[-----"), tty.toString());
        assertTrue(tty.toString().contains("downloading http://127.0.0.1:9/a.pdf: 1 KB of 4 KB (25%)"), tty.toString());

        StringWriter pipe = new StringWriter();
        CliProgress plain = new CliProgress(new PrintWriter(pipe, true), new Terminal(false, 80, StandardCharsets.UTF_8));
        plain.downloading("http://127.0.0.1:9/a.pdf", 0, 4096);
        plain.downloading("http://127.0.0.1:9/a.pdf", 1024, 4096);
        plain.downloading("http://127.0.0.1:9/a.pdf", 4096, 4096);
        assertEquals("downloading http://127.0.0.1:9/a.pdf: 0 B of 4 KB (0%)\n"
                + "downloading http://127.0.0.1:9/a.pdf: 4 KB of 4 KB (100%)\n", pipe.toString().replace(System.lineSeparator(), "\n"));
    }

    /** The CLI in a child JVM on the test classpath. */
    private static List<String> cli(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static String shellLine(List<String> words) {
        return String.join(" ", words.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").toList());
    }

    /** Runs {@code cmd} with stdin from /dev/null and stdout+stderr into a pipe; returns what it printed. */
    private String exec(List<String> cmd, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(new File("/dev/null")).directory(dir.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command exits");
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
