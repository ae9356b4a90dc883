package dev.openkb.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A whole-tree manifest (path → type, size, sha256, mode) for comparing a KB before and after a
 * crash byte for byte. Paths are relative to the root, POSIX style.
 */
public final class TreeManifest {
    private TreeManifest() {
    }

    /**
     * The manifest of a KB, leaving out {@code .openkb/journal} and {@code .openkb/staging} when they
     * are empty: OpenKB creates them lazily and never removes them, so they are infrastructure, not
     * state. Anything inside them still counts.
     */
    public static Map<String, String> ofKb(Path root) throws IOException {
        Map<String, String> m = of(root);
        // The lint parse cache is derived (rebuilt by any lint, safe to delete): not KB state.
        m.keySet().removeIf(k -> k.equals(".openkb/cache") || k.startsWith(".openkb/cache/"));
        for (String infra : java.util.List.of(".openkb/journal", ".openkb/staging")) {
            String prefix = infra + "/";
            if (m.keySet().stream().noneMatch(k -> k.startsWith(prefix))) {
                m.remove(infra);
            }
        }
        return m;
    }

    public static Map<String, String> of(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                if (p.equals(root)) {
                    continue;
                }
                String rel = root.relativize(p).toString().replace('\\', '/');
                String mode = modeOf(p);
                if (Files.isSymbolicLink(p)) {
                    m.put(rel, "link " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    m.put(rel, "dir " + mode);
                } else {
                    m.put(rel, "file " + Files.size(p) + " " + sha256(p) + " " + mode);
                }
            }
        }
        return m;
    }

    private static String modeOf(Path p) throws IOException {
        try {
            return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        } catch (UnsupportedOperationException e) {
            return "-";
        }
    }

    public static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
