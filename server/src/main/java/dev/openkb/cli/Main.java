package dev.openkb.cli;

import dev.openkb.engine.VisibleText;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar openkb.jar <command>}: the command-line face of the engine. Exit codes: 0 ok,
 * 1 failure (or, for lint, findings), 2 usage errors and "no knowledge base here".
 */
@Command(name = "openkb", mixinStandardHelpOptions = true, version = "openkb 0.1.0",
        description = "An LLM-compiled knowledge base: documents in, an interlinked markdown wiki out.",
        subcommands = {InitCommand.class, StatusCommand.class, RecoverCommand.class, LintCommand.class, RemoveCommand.class,
                AddCommand.class, RecompileCommand.class, LspCommand.class, TrustCommand.class})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    /** The environment commands read ({@code trust}, {@code init}: where the user's approvals are); tests pass their own. */
    private final Map<String, String> env;

    Main(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    Map<String, String> env() {
        return env;
    }

    public static void main(String[] args) {
        quietLibraryLogging();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
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
        CommandLine cl = new CommandLine(new Main(env));
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

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
