package dev.openkb.intellij;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;

/**
 * Where the plugin zip puts the server jar: {@code <plugin>/server/openkb.jar}, next to {@code <plugin>/lib/}
 * that holds the plugin's own jars. Not in {@code lib/}: the IDE would put it on the plugin's classpath, with its
 * own copies of LSP4J and Gson. Stateless.
 */
public final class BundledServer {
    static final String FOLDER = "server";
    static final String JAR = "openkb.jar";

    private BundledServer() {
    }

    /** Candidates for a plugin class loaded from {@code codeSourceJar} ({@code <plugin>/lib/x.jar}). */
    public static List<Path> candidates(Path codeSourceJar) {
        Path lib = codeSourceJar.getParent();
        if (lib == null || lib.getParent() == null) {
            return List.of();
        }
        return List.of(lib.getParent().resolve(FOLDER).resolve(JAR));
    }

    /** Candidates for this plugin as the IDE loaded it; none when the code source is unknown. */
    public static List<Path> candidates() {
        CodeSource source = BundledServer.class.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null) {
            return List.of();
        }
        try {
            return candidates(Path.of(location.toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return List.of();
        }
    }
}
