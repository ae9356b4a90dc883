package dev.openkb.reliability;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.KbException;
import dev.openkb.journal.RecoveryReport;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.Registry;
import dev.openkb.kb.RegistryEntry;
import dev.openkb.lock.KbLock;
import dev.openkb.lock.Lease;
import dev.openkb.service.OpenKb;
import dev.openkb.testing.TreeManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one checker every layer runs after recovery (crash-test matrix I1–I8). It returns the
 * violations as sentences, empty when the KB is sound:
 * <ol>
 *   <li>the KB manifest equals one of the allowed states byte for byte (the caller passes only the
 *       post-state when success was reported, only the pre-state when failure was);</li>
 *   <li>{@code hashes.json} parses, and every key that is a SHA-256 equals the digest of the entry's raw file;</li>
 *   <li>the log has an {@code ingest} line only for a registered document (or one removed later);</li>
 *   <li>no journal, staging, backup, quarantine or temp file is left, and no KB file has a second hard link;</li>
 *   <li>a fresh lock holder gets the exclusive lock within 2 s;</li>
 *   <li>recovering again finds nothing to do and changes nothing.</li>
 * </ol>
 * Stateless.
 */
public final class KbInvariants {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern LOG_LINE = Pattern.compile("^## \\[[^]]*] (\\w+) \\| (.*)$", Pattern.MULTILINE);

    private KbInvariants() {
    }

    public static List<String> check(KbLayout kb, List<Map<String, String>> allowed) throws IOException {
        return check(kb, allowed, Manifests.EXACT);
    }

    /** As {@link #check(KbLayout, List)}, comparing states through {@code manifests}. */
    public static List<String> check(KbLayout kb, List<Map<String, String>> allowed, Manifests manifests) throws IOException {
        List<String> v = new ArrayList<>();
        Map<String, String> now = manifests.of(kb.root());
        if (!allowed.contains(now)) {
            v.add("state equals none of the " + allowed.size() + " allowed state(s); nearest differs in " + nearestDiff(now, allowed));
        }
        registry(kb, v);
        log(kb, v);
        leftovers(kb, v);
        lock(kb, v);
        recoverAgain(kb, now, manifests, v);
        return v;
    }

    private static void registry(KbLayout kb, List<String> v) throws IOException {
        Registry r;
        try {
            r = Registry.load(kb);
        } catch (KbException e) {
            v.add("registry unreadable: " + e.getMessage());
            return;
        }
        for (RegistryEntry e : r.entries()) {
            if (!SHA256.matcher(e.hash()).matches() || e.rawPath() == null) {
                continue;
            }
            Path raw = kb.root().resolve(e.rawPath());
            if (!Files.isRegularFile(raw)) {
                v.add("registry entry " + e.docName() + " names a missing raw file " + e.rawPath());
            } else if (!TreeManifest.sha256(raw).equals(e.hash())) {
                v.add("registry key of " + e.docName() + " does not match the content of " + e.rawPath());
            }
        }
    }

    private static void log(KbLayout kb, List<String> v) throws IOException {
        if (!Files.isRegularFile(kb.logMd())) {
            return;
        }
        Set<String> registered = new HashSet<>();
        try {
            // The log writes a name with its control characters escaped, so one entry stays one line.
            Registry.load(kb).entries().forEach(e -> registered.add(dev.openkb.engine.VisibleText.escape(String.valueOf(e.name()))));
        } catch (KbException e) {
            return; // reported by the registry check
        }
        String text = Files.readString(kb.logMd(), StandardCharsets.UTF_8);
        List<String[]> lines = new ArrayList<>();
        Matcher m = LOG_LINE.matcher(text);
        while (m.find()) {
            lines.add(new String[] {m.group(1), m.group(2)});
        }
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i)[0].equals("ingest") || registered.contains(lines.get(i)[1])) {
                continue;
            }
            String name = lines.get(i)[1];
            boolean removedLater = lines.subList(i + 1, lines.size()).stream()
                    .anyMatch(l -> l[0].equals("remove") && l[1].equals(name));
            if (!removedLater) {
                v.add("log.md has an ingest line for " + name + ", which is not registered");
            }
        }
    }

    private static void leftovers(KbLayout kb, List<String> v) throws IOException {
        for (Path dir : List.of(kb.journalDir(), kb.stagingDir(), kb.openkbDir().resolve("quarantine"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    for (Path p : s.toList()) {
                        v.add("left behind: " + kb.relative(p) + (leaseHeld(p) ? " (its lease is held)" : ""));
                    }
                }
            }
        }
        try (Stream<Path> s = Files.walk(kb.root())) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                // A temp of the derived lint parse cache is cleared by the next lint's write, not recovery.
                boolean cacheTemp = p.startsWith(kb.openkbDir().resolve("cache"));
                if ((name.endsWith(".tmp") && !cacheTemp) || name.startsWith(".openkb.init-")) {
                    v.add("temp file left: " + kb.relative(p));
                }
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        && (Integer) Files.getAttribute(p, "unix:nlink", LinkOption.NOFOLLOW_LINKS) > 1) {
                    v.add("second hard link to a KB file (a before-image leaked?): " + kb.relative(p));
                }
            }
        }
    }

    private static boolean leaseHeld(Path folder) {
        try {
            return Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) && Lease.isHeld(folder);
        } catch (IOException e) {
            return false;
        }
    }

    private static void lock(KbLayout kb, List<String> v) {
        try (KbLock lock = new KbLock(kb.lockFile(), l -> { });
             KbLock.Hold h = lock.exclusive(CancelToken.none(), Duration.ofSeconds(2))) {
            Objects.requireNonNull(h);
        } catch (KbException e) {
            v.add("a fresh lock holder could not take the KB lock within 2 s: " + e.getMessage());
        }
    }

    private static void recoverAgain(KbLayout kb, Map<String, String> before, Manifests manifests, List<String> v) throws IOException {
        RecoveryReport r;
        try (OpenKb engine = new OpenKb(new dev.openkb.io.RealFileOps(), w -> { }, Clock.systemUTC())) {
            r = engine.kb(kb).recover(CancelToken.none());
        }
        if (!r.nothingToDo()) {
            v.add("a second recovery still had work: " + r.lines());
        }
        Map<String, String> after = manifests.of(kb.root());
        if (!after.equals(before)) {
            v.add("a second recovery changed " + diff(before, after));
        }
    }

    private static String nearestDiff(Map<String, String> now, List<Map<String, String>> allowed) {
        String best = null;
        int bestSize = Integer.MAX_VALUE;
        for (Map<String, String> a : allowed) {
            Set<String> d = diffKeys(a, now);
            if (d.size() < bestSize) {
                bestSize = d.size();
                best = diff(a, now);
            }
        }
        return best;
    }

    /** "3 path(s): wiki/a.md (changed), wiki/b.md (missing), ..." for a short failure message. */
    static String diff(Map<String, String> expected, Map<String, String> actual) {
        Set<String> keys = diffKeys(expected, actual);
        List<String> parts = new ArrayList<>();
        for (String k : keys) {
            String what = !actual.containsKey(k) ? "missing" : !expected.containsKey(k) ? "unexpected" : "changed";
            parts.add(k + " (" + what + ")");
            if (parts.size() == 8) {
                parts.add("...");
                break;
            }
        }
        return keys.size() + " path(s): " + String.join(", ", parts);
    }

    private static Set<String> diffKeys(Map<String, String> a, Map<String, String> b) {
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        keys.removeIf(k -> Objects.equals(a.get(k), b.get(k)));
        return keys;
    }
}
