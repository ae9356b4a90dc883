package dev.openkb.cli;

import dev.openkb.engine.VisibleText;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code java -jar openkb.jar <command>}: the command-line face of the engine. Exit codes: 0 ok,
 * 1 failure (or, for lint, findings), 2 usage errors and "no knowledge base here".
 */
@Command(name = "openkb", mixinStandardHelpOptions = true, version = "openkb 0.1.0",
        description = "An LLM-compiled knowledge base: documents in, an interlinked markdown wiki out.")
public final class Main implements Runnable {
    /**
     * Every subcommand by its {@code @Command} name, in the order help lists them (CliConventionsTest
     * checks the names). Registered programmatically rather than in the annotation so that a command
     * line naming one of them builds only that one's model: picocli builds each by reflection, and
     * its classes (class file version 49) are never in the class-data-sharing archive.
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    /** Need the whole tree even when named first: help describes, completion enumerates the others. */
    private static final java.util.Set<String> NEED_ALL = java.util.Set.of("help", "completion");

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    /** The environment commands read ({@code trust}, {@code init}: where the user's approvals are); tests pass their own. */
    private final Map<String, String> env;
    /** What stdout is: decides the bar, its width and the ASCII fallback. */
    private final Terminal terminal;

    Main(Map<String, String> env, Terminal terminal) {
        this.env = Map.copyOf(env);
        this.terminal = terminal;
    }

    Map<String, String> env() {
        return env;
    }

    Terminal terminal() {
        return terminal;
    }

    public static void main(String[] args) {
        quietLibraryLogging();
        Map<String, String> env = System.getenv();
        Terminal terminal = Terminal.detect(env);
        // Both streams are written in stdout's charset, with ASCII stand-ins where it has no → or …
        // (stderr is almost always the same terminal or log as stdout).
        PrintWriter out = new PrintWriter(AsciiFallbackWriter.forTerminal(
                new OutputStreamWriter(System.out, terminal.charset()), terminal), true);
        PrintWriter err = new PrintWriter(AsciiFallbackWriter.forTerminal(
                new OutputStreamWriter(System.err, terminal.charset()), terminal), true);
        System.exit(run(args, out, err, env, terminal));
    }

    /**
     * POI logs through Log4j 2, which prints "could not find a logging provider" on stderr when none
     * is bundled; its built-in simple logger at ERROR keeps the CLI and the LSP stream quiet.
     */
    static void quietLibraryLogging() {
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.setProperty("org.apache.logging.log4j.simplelog.StatusLogger.level", "OFF");
        System.setProperty("log4j2.simplelogLevel", "ERROR");
    }

    /** Runs one command line with the given streams; returns the exit code (tests call this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv());
    }

    /** {@link #run(String[], PrintWriter, PrintWriter)} with another environment (tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        return run(args, out, err, env, Terminal.PLAIN);
    }

    static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env, Terminal terminal) {
        CommandLine cl = commandLine(new Main(env, terminal), soleSubcommand(args));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof KbException k) {
                err.println("Error: " + VisibleText.escapeKeepingNewlines(k.getMessage()));
                return k.code() == ErrorCode.KB_NOT_FOUND || k.code() == ErrorCode.INVALID_ARGUMENT ? USAGE : FAILURE;
            }
            if (ex instanceof java.io.IOException io) {
                err.println("Error: " + VisibleText.escapeKeepingNewlines(KbException.fromIo(io).getMessage()));
                return FAILURE;
            }
            // A user never sees a stack trace; this is a bug, and the one line names its cause.
            err.println("Error: internal error (please report it): " + VisibleText.escape(String.valueOf(ex)));
            return FAILURE;
        });
        return cl.execute(args);
    }

    /**
     * The command tree with {@code -h/--help} on every subcommand (the root's standard mixin gives
     * only the root one; {@code help COMMAND} comes from picocli's HelpCommand).
     */
    static CommandLine commandLine(Main main) {
        return commandLine(main, null);
    }

    /** The tree with only subcommand {@code only} under the root, or every one when {@code only} is null. */
    static CommandLine commandLine(Main main, String only) {
        CommandLine cl = new CommandLine(main);
        SUBCOMMANDS.forEach((name, type) -> {
            if (only == null || only.equals(name)) {
                cl.addSubcommand(name, type);
            }
        });
        addHelpOption(cl);
        return cl;
    }

    /**
     * The subcommand a command line runs when its first word names one that does not look at its
     * siblings; otherwise null (no arguments, a root option, a typo that earns a suggestion, help).
     */
    static String soleSubcommand(String[] args) {
        if (args.length == 0 || !SUBCOMMANDS.containsKey(args[0]) || NEED_ALL.contains(args[0])) {
            return null;
        }
        return args[0];
    }

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
        m.put("init", InitCommand.class);
        m.put("status", StatusCommand.class);
        m.put("list", ListCommand.class);
        m.put("recover", RecoverCommand.class);
        m.put("lint", LintCommand.class);
        m.put("remove", RemoveCommand.class);
        m.put("query", QueryCommand.class);
        m.put("add", AddCommand.class);
        m.put("watch", WatchCommand.class);
        m.put("visualize", VisualizeCommand.class);
        m.put("recompile", RecompileCommand.class);
        m.put("rename", RenameCommand.class);
        m.put("lsp", LspCommand.class);
        m.put("trust", TrustCommand.class);
        m.put("completion", CompletionCommand.class);
        m.put("chat", ChatCommand.class);
        m.put("help", CommandLine.HelpCommand.class);
        return java.util.Collections.unmodifiableMap(m);
    }

    private static void addHelpOption(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            boolean hasHelp = sub.getCommandSpec().options().stream().anyMatch(o -> o.usageHelp());
            if (!hasHelp) {
                sub.getCommandSpec().addMixin("helpOption", CommandSpec.forAnnotatedObject(new HelpOption()));
            }
            addHelpOption(sub);
        }
    }

    /** {@code -h/--help} alone: a subcommand has no version of its own for {@code -V} to print. */
    static final class HelpOption {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;
    }

    @picocli.CommandLine.Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
