package dev.openkb.kb;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * OpenKB's "Scheme A" doc-name resolution (reference 4.3): the registry is the only authority; the
 * same registry path keeps its name; a legacy entry with the same stem is reused; otherwise the
 * sanitised stem, with a deterministic 8-hex suffix when another document already uses it. The
 * slug is not lower-cased (OpenKB compatibility). Stateless.
 */
public final class DocNames {
    // Python's Unicode \w: letters, numbers and underscore.
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}_\\-]+");

    private DocNames() {
    }

    /** {@code re.sub(r"[^\w\-]+", "-", NFKC(stem)).strip("-") or "document"}. */
    public static String sanitizeStem(String stem) {
        String s = NON_WORD.matcher(Registry.nfkc(stem)).replaceAll("-");
        s = s.replaceAll("^-+", "").replaceAll("-+$", "");
        return s.isEmpty() ? "document" : s;
    }

    /** The registry key of a source: KB-relative POSIX path when inside the KB, else absolute POSIX. */
    public static String registryPath(Path source, KbLayout layout) {
        Path abs = source.toAbsolutePath().normalize();
        try {
            abs = abs.toRealPath();
        } catch (java.io.IOException ignored) {
            // A path that cannot be resolved keeps its normalised form; identity is best-effort then.
        }
        Path root = layout.root();
        try {
            root = root.toRealPath();
        } catch (java.io.IOException ignored) {
            // Same: fall back to the normalised root.
        }
        return abs.startsWith(root) ? root.relativize(abs).toString().replace('\\', '/') : abs.toString().replace('\\', '/');
    }

    public static String resolve(Path source, KbLayout layout, Registry registry) {
        String key = registryPath(source, layout);
        String stem = RegistryEntry.stem(source.getFileName().toString());
        Optional<RegistryEntry> same = registry.getByPath(key);
        if (same.isPresent() && same.get().docName() != null) {
            return same.get().docName();
        }
        Optional<RegistryEntry> legacy = registry.findLegacyByStem(stem);
        if (legacy.isPresent()) {
            return legacy.get().docName();
        }
        return resolveFromKey(stem, key, registry);
    }

    public static String resolveFromKey(String stem, String key, Registry registry) {
        Optional<RegistryEntry> same = registry.getByPath(key);
        if (same.isPresent() && same.get().docName() != null) {
            return same.get().docName();
        }
        String cand = sanitizeStem(stem);
        for (RegistryEntry e : registry.entries()) {
            String n = e.docName();
            if (n != null && Registry.nfkc(n).equals(cand)) {
                return cand + "-" + sha256Hex(key).substring(0, 8);
            }
        }
        return cand;
    }

    public static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
