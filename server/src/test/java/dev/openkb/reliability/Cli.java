package dev.openkb.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real processes for the process-death and protocol-lint layers: the built CLI jar, strace, and
 * util-linux {@code flock} (a fresh process taking the KB's flock, as OpenKB's CLI would). Stateless.
 */
public final class Cli {
    private Cli() {
    }

    /** {@code server/target/openkb.jar}, found from the working folder; null when it was not built. */
    public static Path jar() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            for (Path candidate : List.of(p.resolve("target/openkb.jar"), p.resolve("server/target/openkb.jar"))) {
                if (Files.isRegularFile(candidate) && candidate.getParent().getParent().resolve("pom.xml").toFile().isFile()) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** Why the real-process layers cannot run here, or null when they can. */
    public static String unavailable() {
        if (jar() == null) {
            return "server/target/openkb.jar is absent (build it with `mvn -q -pl server package -DskipTests`)";
        }
        for (String tool : List.of("strace", "flock")) {
            if (!onPath(tool)) {
                return tool + " is not installed";
            }
        }
        return null;
    }

    /** {@code java ... -jar openkb.jar args}: a short-lived JVM, tuned to start fast. */
    public static List<String> openkb(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** {@code strace -f -qq -o out <options> <command>}. */
    public static List<String> strace(Path out, List<String> options, List<String> command) {
        List<String> cmd = new ArrayList<>(List.of("strace", "-f", "-qq", "-o", out.toString()));
        cmd.addAll(options);
        cmd.addAll(command);
        return cmd;
    }

    /** Starts {@code cmd} with its output in {@code log}. */
    public static Process start(List<String> cmd, Path log) throws IOException {
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Runs {@code cmd} to its end (killing it after {@code timeout}); returns the exit code (137 after SIGKILL). */
    public static int run(List<String> cmd, Path log, Duration timeout) throws IOException, InterruptedException {
        Process p = start(cmd, log);
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
            throw new IOException("timed out after " + timeout + ": " + String.join(" ", cmd));
        }
        return p.exitValue();
    }

    /** True when a fresh process takes the exclusive flock on {@code lockFile} within 2 s. */
    public static boolean lockFreeWithin2s(Path lockFile) throws IOException, InterruptedException {
        Path log = Files.createTempFile("flock", ".log");
        try {
            return run(List.of("flock", "-w", "2", "-x", lockFile.toString(), "true"), log, Duration.ofSeconds(10)) == 0;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
