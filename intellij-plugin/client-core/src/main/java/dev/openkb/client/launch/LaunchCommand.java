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
        List<String> argv = new java.util.ArrayList<>(List.of(java.executable().toString(), "-XX:+ExitOnOutOfMemoryError"));
        argv.addAll(cdsArgs(serverJar));
        argv.addAll(List.of("-jar", serverJar.toString(), "lsp"));
        return new LaunchCommand(argv, workingDir);
    }

    /**
     * The class-data-sharing archive the server build writes beside the jar ({@code openkb.jsa}), when it is
     * there, so the server maps its classes instead of loading them again. The JVM ignores an archive made
     * for another jar path or JDK; its warning is switched off because the server's stdout is the protocol.
     */
    static List<String> cdsArgs(Path serverJar) {
        String name = serverJar.getFileName() == null ? "" : serverJar.getFileName().toString();
        if (!name.endsWith(".jar")) {
            return List.of();
        }
        Path archive = serverJar.resolveSibling(name.substring(0, name.length() - 4) + ".jsa");
        return java.nio.file.Files.isRegularFile(archive)
                ? List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off") : List.of();
    }
}
