package dev.openkb.client.launch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the server jar: the user's setting when set (and then it must be a jar), else the first bundled
 * location that holds one. Stateless.
 */
public final class ServerJarLocator {
    public static final String SETTING_ORIGIN = "setting 'Server jar'";
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private ServerJarLocator() {
    }

    /**
     * @param configured the setting (blank for "not set")
     * @param bundled    where the plugin ships the jar, most likely first
     */
    public static Path locate(String configured, List<Path> bundled) throws ClientSetupException {
        if (configured != null && !configured.isBlank()) {
            Path jar;
            try {
                jar = Path.of(configured.strip());
            } catch (InvalidPathException e) {
                throw new ClientSetupException("The " + SETTING_ORIGIN + " is '" + configured + "', which is not a valid path.");
            }
            String problem = problemWith(jar);
            if (problem != null) {
                throw new ClientSetupException("The " + SETTING_ORIGIN + " is '" + configured + "', but " + problem + ".");
            }
            return jar;
        }
        List<String> tried = new ArrayList<>();
        for (Path jar : bundled) {
            String problem = problemWith(jar);
            if (problem == null) {
                return jar;
            }
            tried.add(jar + " (" + problem + ")");
        }
        throw new ClientSetupException("The OpenKB server jar was not found. Tried: "
                + (tried.isEmpty() ? "nothing (no bundled location)" : String.join("; ", tried))
                + ". Set 'Server jar' in Settings | Tools | OpenKB to openkb.jar.");
    }

    /** Why this path is not a usable jar, or null when it is. */
    private static String problemWith(Path jar) {
        if (!Files.exists(jar)) {
            return "it does not exist";
        }
        if (!Files.isRegularFile(jar)) {
            return "it is not a file";
        }
        try (InputStream in = Files.newInputStream(jar)) {
            if (!Arrays.equals(in.readNBytes(ZIP_MAGIC.length), ZIP_MAGIC)) {
                return "it is not a jar (no zip header)";
            }
        } catch (IOException e) {
            return "it cannot be read: " + e.getMessage();
        }
        return null;
    }
}
