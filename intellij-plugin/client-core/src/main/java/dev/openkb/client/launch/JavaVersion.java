package dev.openkb.client.launch;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the major Java version out of what {@code java -version} prints. */
public final class JavaVersion {
    /** {@code openjdk version "17.0.15" 2025-04-15}, {@code java version "1.8.0_381"}, {@code openjdk version "21-ea"}. */
    private static final Pattern QUOTED = Pattern.compile("version \"(\\d{1,9})(?!\\d)(?:\\.(\\d{1,9})(?!\\d))?[^\"]*\"");

    private JavaVersion() {
    }

    /**
     * The major version in {@code java -version} output (stderr and stdout together), or empty when the text
     * holds no version line. Java 8 and older report {@code 1.x}; the {@code x} is their major version.
     */
    public static OptionalInt parseMajor(String versionOutput) {
        if (versionOutput == null) {
            return OptionalInt.empty();
        }
        Matcher m = QUOTED.matcher(versionOutput);
        if (!m.find()) {
            return OptionalInt.empty();
        }
        int first = Integer.parseInt(m.group(1));
        if (first == 1 && m.group(2) != null) {
            return OptionalInt.of(Integer.parseInt(m.group(2)));
        }
        return OptionalInt.of(first);
    }
}
