package dev.openkb.client.launch;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Finds a Java 17+ to run the server, in this order: the user's setting, {@code JAVA_HOME}, the first
 * {@code java} on {@code PATH}, then the IDE's own runtime. A setting that is present but unusable is an error
 * naming the setting (the user asked for that Java, silently using another would hide their mistake); the other
 * places are tried in turn and all of them are listed when none fits. Stateless.
 */
public final class JavaLocator {
    public static final int MINIMUM_MAJOR = 17;
    public static final String SETTING_ORIGIN = "setting 'Java path'";

    private final JavaProbe probe;
    private final String javaName;

    /** @param windows whether the executable is called {@code java.exe} */
    public JavaLocator(JavaProbe probe, boolean windows) {
        this.probe = probe;
        this.javaName = windows ? "java.exe" : "java";
    }

    /** For the running OS. */
    public static JavaLocator forThisOs() {
        return new JavaLocator(new JavaProbe(), File.separatorChar == '\\');
    }

    /**
     * @param configured  the setting: a {@code java} executable or a JDK folder; blank for "not set"
     * @param env         the environment ({@code JAVA_HOME}, {@code PATH})
     * @param ideJavaHome the IDE's runtime home (its {@code java.home}), or null when there is none to offer
     */
    public JavaRuntime locate(String configured, Map<String, String> env, Path ideJavaHome) throws ClientSetupException {
        if (configured != null && !configured.isBlank()) {
            return fromSetting(configured.strip());
        }
        List<String> tried = new ArrayList<>();
        String javaHome = env.get("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            JavaRuntime r = tryCandidate(Path.of(javaHome.strip()).resolve("bin").resolve(javaName), "JAVA_HOME", tried);
            if (r != null) {
                return r;
            }
        }
        Path onPath = firstOnPath(env.get("PATH"));
        if (onPath != null) {
            JavaRuntime r = tryCandidate(onPath, "PATH", tried);
            if (r != null) {
                return r;
            }
        }
        if (ideJavaHome != null) {
            JavaRuntime r = tryCandidate(ideJavaHome.resolve("bin").resolve(javaName), "IDE runtime", tried);
            if (r != null) {
                return r;
            }
        }
        throw new ClientSetupException("The OpenKB server needs Java " + MINIMUM_MAJOR + " or newer and none was found. "
                + (tried.isEmpty() ? "JAVA_HOME is not set and there is no java on PATH." : "Tried: " + String.join("; ", tried) + ".")
                + " Set 'Java path' in Settings | Tools | OpenKB to a JDK " + MINIMUM_MAJOR + "+.");
    }

    private JavaRuntime fromSetting(String configured) throws ClientSetupException {
        Path path;
        try {
            path = Path.of(configured);
        } catch (InvalidPathException e) {
            throw new ClientSetupException("The " + SETTING_ORIGIN + " is '" + configured + "', which is not a valid path: "
                    + e.getReason() + ".");
        }
        Path exe = Files.isDirectory(path) ? path.resolve("bin").resolve(javaName) : path;
        if (!Files.isRegularFile(exe)) {
            throw new ClientSetupException("The " + SETTING_ORIGIN + " is '" + configured + "', but "
                    + (Files.isDirectory(path) ? "that folder has no bin/" + javaName : "no such file exists") + ".");
        }
        if (!Files.isExecutable(exe)) {
            throw new ClientSetupException("The " + SETTING_ORIGIN + " is '" + configured + "', but " + exe + " is not executable.");
        }
        OptionalInt major = probe.majorVersion(exe);
        if (major.isEmpty()) {
            throw new ClientSetupException("The " + SETTING_ORIGIN + " is '" + configured + "', but '" + exe
                    + " -version' did not print a Java version.");
        }
        if (major.getAsInt() < MINIMUM_MAJOR) {
            throw new ClientSetupException("The " + SETTING_ORIGIN + " is '" + configured + "', which is Java "
                    + major.getAsInt() + "; the OpenKB server needs Java " + MINIMUM_MAJOR + " or newer.");
        }
        return new JavaRuntime(exe, major.getAsInt(), SETTING_ORIGIN);
    }

    /** Returns the runtime when it fits, else notes why not in {@code tried}. */
    private JavaRuntime tryCandidate(Path exe, String origin, List<String> tried) {
        if (!Files.isRegularFile(exe) || !Files.isExecutable(exe)) {
            tried.add(origin + " (" + exe + "): not an executable file");
            return null;
        }
        OptionalInt major = probe.majorVersion(exe);
        if (major.isEmpty()) {
            tried.add(origin + " (" + exe + "): printed no Java version");
            return null;
        }
        if (major.getAsInt() < MINIMUM_MAJOR) {
            tried.add(origin + " (" + exe + "): Java " + major.getAsInt());
            return null;
        }
        return new JavaRuntime(exe, major.getAsInt(), origin);
    }

    private Path firstOnPath(String pathVariable) {
        if (pathVariable == null || pathVariable.isBlank()) {
            return null;
        }
        for (String dir : pathVariable.split(Pattern.quote(File.pathSeparator))) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir).resolve(javaName);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
