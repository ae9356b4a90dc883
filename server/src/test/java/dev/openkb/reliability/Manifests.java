package dev.openkb.reliability;

import dev.openkb.testing.TreeManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a KB is turned into a manifest for comparison. In-JVM layers run on a fixed clock and compare
 * byte for byte ({@link #EXACT}); real processes run on the wall clock, so {@link #TIMELESS} masks
 * the one thing time changes, the timestamps of {@code wiki/log.md}, and still compares every other
 * byte of every file. Stateless.
 */
@FunctionalInterface
public interface Manifests {
    Map<String, String> of(Path kbRoot) throws IOException;

    Manifests EXACT = TreeManifest::ofKb;

    Manifests TIMELESS = root -> {
        Map<String, String> m = TreeManifest.ofKb(root);
        Path log = root.resolve("wiki/log.md");
        if (m.containsKey("wiki/log.md") && Files.isRegularFile(log)) {
            String masked = Timestamps.LOG_ENTRY.matcher(Files.readString(log, StandardCharsets.UTF_8)).replaceAll("## [T]");
            String[] parts = m.get("wiki/log.md").split(" ");
            m.put("wiki/log.md", "file " + parts[1] + " " + Timestamps.sha256(masked) + " " + parts[3]);
        }
        return m;
    };

    /** The log.md timestamp pattern and a digest helper. */
    final class Timestamps {
        static final Pattern LOG_ENTRY = Pattern.compile("^## \\[\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}]", Pattern.MULTILINE);

        private Timestamps() {
        }

        static String sha256(String s) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
