package dev.openkb.trust;

import java.nio.file.Path;
import java.util.Map;

/**
 * The user's OpenKB configuration folder, outside every KB: {@code $OPENKB_CONFIG_HOME} when set
 * (tests, or a user who keeps it elsewhere), else {@code $XDG_CONFIG_HOME/openkb} when that is an
 * absolute path (the XDG rule: relative values are ignored), else {@code ~/.config/openkb}.
 * Stateless.
 */
public final class ConfigHome {
    public static final String OVERRIDE_VARIABLE = "OPENKB_CONFIG_HOME";

    private ConfigHome() {
    }

    /** @param env the process environment, or a test's */
    public static Path resolve(Map<String, String> env) {
        String own = env.get(OVERRIDE_VARIABLE);
        if (own != null && !own.isBlank()) {
            return Path.of(own.strip()).toAbsolutePath().normalize();
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg.strip()).isAbsolute()) {
            return Path.of(xdg.strip(), "openkb").normalize();
        }
        String home = env.get("HOME");
        Path base = home != null && !home.isBlank() ? Path.of(home.strip()) : Path.of(System.getProperty("user.home"));
        return base.resolve(".config").resolve("openkb").toAbsolutePath().normalize();
    }
}
