package dev.openkb.client.launch;

import java.nio.file.Path;
import java.util.List;

/**
 * The exact command line that starts the language server on stdio.
 *
 * @param argv       program and arguments
 * @param workingDir where it runs (the project folder), or null for the IDE's current folder
 */
public record LaunchCommand(List<String> argv, Path workingDir) {
    public LaunchCommand {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command line");
        }
    }

    /**
     * {@code java -XX:+ExitOnOutOfMemoryError -jar openkb.jar lsp}. An out-of-memory server exits instead of
     * limping on with a half-done mutation (its journal rolls the KB back on the next start), and the client's
     * restart policy then takes over.
     */
    public static LaunchCommand forServer(JavaRuntime java, Path serverJar, Path workingDir) {
        return new LaunchCommand(List.of(java.executable().toString(), "-XX:+ExitOnOutOfMemoryError",
                "-jar", serverJar.toString(), "lsp"), workingDir);
    }
}
