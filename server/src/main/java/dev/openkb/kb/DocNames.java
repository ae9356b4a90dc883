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
 * slug is not lower-cased (OpenKB compatibility).
 *
 * <p><b>Length.</b> A file name may hold at most 255 bytes, and a doc name is the base of longer
 * names: {@code <doc>.json}, the atomic-write temp {@code .<doc>.json.<8hex>.tmp}, the journal's
 * backup {@code 00001-<doc>.json}, the staging folder {@code trash-add-<doc>-<8hex>}. So a sanitised
 * stem longer than {@link #MAX_NAME_BYTES} UTF-8 bytes is cut (at a code point) and given an 8-hex
 * hash of the whole stem, which keeps it deterministic and keeps two long names that share their
 * first 190 bytes apart. OpenKB keeps such stems whole; ours differ from OpenKB's only for stems over
 * 200 bytes, a length at which OpenKB's own temp and backup names already fail. Stateless.
 */
public final class DocNames {
    // Python's Unicode \w: letters, numbers and underscore.
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}_\\-]+");

    /**
     * The longest doc name we create, in UTF-8 bytes (plus the 9-byte {@code -<8hex>} suffix of a
     * name clash). With it, the longest derived file name stays near 230 bytes, under the limit of 255.
     */
    public static final int MAX_NAME_BYTES = 200;

    private DocNames() {
    }

    /** {@code re.sub(r"[^\w\-]+", "-", NFKC(stem)).strip("-") or "document"}. */
    public static String sanitizeStem(String stem) {
        String s = NON_WORD.matcher(Registry.nfkc(stem)).replaceAll("-");
        s = s.replaceAll("^-+", "").replaceAll("-+$", "");
        return s.isEmpty() ? "document" : fitLength(s);
    }

    /** {@code name} itself when it fits {@link #MAX_NAME_BYTES}, else its first bytes (whole code points) + "-" + 8 hex of its hash. */
    static String fitLength(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES) {
            return name;
        }
        String hash = sha256Hex(name).substring(0, 8);
        int budget = MAX_NAME_BYTES - 1 - hash.length();
        StringBuilder head = new StringBuilder();
        int used = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + len > budget) {
                break;
            }
            head.appendCodePoint(cp);
            used += len;
            i += Character.charCount(cp);
        }
        return head.toString().replaceAll("-+$", "") + "-" + hash;
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
