package dev.openkb.intellij;

import com.intellij.openapi.components.PersistentStateComponent;
import com.intellij.openapi.components.State;
import com.intellij.openapi.components.Storage;

/**
 * The plugin's settings (Settings | Tools | OpenKB), stored in {@code openkb.xml} with the IDE's other options.
 * Thread-safe: the state object is replaced whole on every change (volatile), never mutated after it is
 * published, so any thread reads a consistent snapshot.
 */
@State(name = "OpenKbSettings", storages = @Storage("openkb.xml"))
public final class OpenKbSettings implements PersistentStateComponent<OpenKbSettings.Options> {
    /** Highest "jobs" the settings page accepts; the server prepares at most this many files at once. */
    public static final int MAX_JOBS = 64;

    /**
     * The persisted form. Public mutable fields are what the IDE's XML serializer needs; instances are copied in
     * and out, so the settings object never shares one.
     */
    public static final class Options {
        /** A {@code java} executable or a JDK folder; empty means JAVA_HOME, then PATH, then the IDE's runtime. */
        public String javaPath = "";
        /** The server jar; empty means the one bundled with the plugin. */
        public String serverJar = "";
        /** How many files an add prepares at once; 0 means the server's default. */
        public int jobs;

        Options copy() {
            Options o = new Options();
            o.javaPath = javaPath == null ? "" : javaPath;
            o.serverJar = serverJar == null ? "" : serverJar;
            o.jobs = Math.max(0, Math.min(MAX_JOBS, jobs));
            return o;
        }
    }

    /** An immutable view of the settings. {@code jobs} is null for "the server's default". */
    public record Snapshot(String javaPath, String serverJar, Integer jobs) {
    }

    private volatile Options options = new Options();

    public static OpenKbSettings getInstance() {
        return PluginServices.settings();
    }

    @Override
    public Options getState() {
        return options.copy();
    }

    @Override
    public void loadState(Options state) {
        options = state.copy();
    }

    public Snapshot snapshot() {
        Options o = options;
        return new Snapshot(o.javaPath, o.serverJar, o.jobs == 0 ? null : o.jobs);
    }

    /** Replaces the settings (the settings page calls this on Apply). */
    public void update(String javaPath, String serverJar, int jobs) {
        Options o = new Options();
        o.javaPath = javaPath == null ? "" : javaPath.strip();
        o.serverJar = serverJar == null ? "" : serverJar.strip();
        o.jobs = jobs;
        options = o.copy();
    }

    /**
     * Checks the "jobs" field as typed: null when it is acceptable (blank or 0 means the server's default), else
     * the message to show.
     */
    public static String jobsProblem(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            int n = Integer.parseInt(t);
            return n >= 0 && n <= MAX_JOBS ? null : "Jobs must be between 0 (server default) and " + MAX_JOBS + ".";
        } catch (NumberFormatException e) {
            return "Jobs must be a whole number, got '" + t + "'.";
        }
    }
}
