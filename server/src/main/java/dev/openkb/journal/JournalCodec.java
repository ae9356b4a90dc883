package dev.openkb.journal;

import dev.openkb.io.KbPathGuard;
import dev.openkb.io.UnsafePathException;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.PythonJson;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes journal files. Writing uses OpenKB's JSON layout so its recovery can roll back a
 * journal we left; reading accepts OpenKB's journals (absolute paths only, no kinds) and re-roots
 * their paths when the KB was moved. Stateless.
 *
 * <p>A journal is untrusted input (a KB may come from git clone): every path it names is checked
 * here, lexically, whatever the format: the backup folder must be a folder directly in
 * {@code .openkb/staging/}, every backup must lie inside it, and every target inside the KB but
 * outside the journal folder, the staging folder and the lock file (a journal that "restores" its own
 * folder or the lock would take recovery with it). A journal that breaks a rule is refused as a whole,
 * and recovery sets it aside without touching anything it names. Symlinks are checked by
 * {@link JournalPaths} when it is loaded and again at use time.
 */
public final class JournalCodec {
    static final String WRITER = "openkb-java";

    private JournalCodec() {
    }

    public static String encode(JournalRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", 1);
        m.put("operation", r.operation());
        m.put("status", r.status().wire());
        m.put("kb_dir", r.kbDir().toString());
        m.put("backup_dir", r.backupDir().toString());
        m.put("details", new TreeMap<>(r.details()));
        m.put("attempts", r.attempts());
        List<Map<String, Object>> entries = new ArrayList<>();
        for (JournalEntry e : r.entries()) {
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("target", e.target().toString());
            em.put("backup", e.backup() == null ? null : e.backup().toString());
            em.put("rel", e.rel());
            em.put("backup_rel", e.backupRel());
            if (e.kind() != null) {
                em.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
            }
            entries.add(em);
        }
        m.put("entries", entries);
        m.put("id", r.id());
        m.put("created", r.created());
        if (r.ours()) {
            // Only our journals claim our writer: an OpenKB journal we rewrite (attempts) keeps OpenKB's order rules.
            m.put("writer", WRITER);
        }
        m.put("backup_dir_rel", r.kbDir().relativize(r.backupDir()).toString());
        return PythonJson.dumpIndented(m);
    }

    /**
     * Parses a journal. {@code currentRoot} is where the KB is now: relative paths (ours) resolve
     * against it, and absolute paths (OpenKB's) under the recorded {@code kb_dir} are re-rooted.
     *
     * @throws IllegalArgumentException when the file is not a usable journal (empty, not JSON,
     *                                  missing kb_dir/backup_dir/entries, paths outside the KB)
     */
    @SuppressWarnings("unchecked")
    public static JournalRecord decode(String text, String fileId, Path currentRoot) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("empty journal file");
        }
        Map<String, Object> m;
        try {
            m = PythonJson.parseObject(text);
        } catch (Exception e) {
            throw new IllegalArgumentException("not valid JSON: " + firstLine(e.getMessage()));
        }
        Object kbDirRaw = m.get("kb_dir");
        Object backupRaw = m.get("backup_dir");
        Object entriesRaw = m.get("entries");
        if (!(kbDirRaw instanceof String) || !(backupRaw instanceof String)) {
            throw new IllegalArgumentException("missing kb_dir or backup_dir");
        }
        if (entriesRaw != null && !(entriesRaw instanceof List)) {
            throw new IllegalArgumentException("entries is not a list");
        }
        boolean ours = WRITER.equals(m.get("writer"));
        KbLayout layout = new KbLayout(currentRoot);
        KbPathGuard guard = new KbPathGuard(layout.root());
        Path recordedRoot = path((String) kbDirRaw).normalize();
        Path backupDir = m.get("backup_dir_rel") instanceof String rel
                ? inside(guard, rel)
                : reroot(guard, path((String) backupRaw), recordedRoot);
        if (!layout.stagingDir().equals(backupDir.getParent())) {
            throw new IllegalArgumentException("backup folder is not a folder of .openkb/staging: " + layout.relative(backupDir));
        }
        List<JournalEntry> entries = new ArrayList<>();
        for (Object o : entriesRaw == null ? List.of() : (List<Object>) entriesRaw) {
            if (!(o instanceof Map)) {
                throw new IllegalArgumentException("an entry is not an object");
            }
            entries.add(decodeEntry((Map<String, Object>) o, recordedRoot, guard, layout, backupDir));
        }
        Object details = m.getOrDefault("details", Map.of());
        Object attempts = m.getOrDefault("attempts", 0);
        Object op = m.getOrDefault("operation", "mutation");
        Object created = m.get("created");
        return new JournalRecord(m.get("id") instanceof String id ? id : fileId, String.valueOf(op),
                JournalStatus.parse(m.get("status")), layout.root(), backupDir,
                details instanceof Map ? stringKeys((Map<Object, Object>) details) : Map.of(),
                attempts instanceof Number n ? n.intValue() : 0, entries,
                created instanceof String c ? c : null, ours);
    }

    private static JournalEntry decodeEntry(Map<String, Object> em, Path recordedRoot, KbPathGuard guard, KbLayout layout,
                                            Path backupDir) {
        Object t = em.get("target");
        Object b = em.get("backup");
        if (!(t instanceof String)) {
            throw new IllegalArgumentException("an entry has no target");
        }
        Path target = em.get("rel") instanceof String rel ? inside(guard, rel)
                : reroot(guard, path((String) t), recordedRoot);
        if (target.equals(layout.openkbDir()) || target.startsWith(layout.journalDir()) || target.startsWith(layout.stagingDir())
                || target.equals(layout.lockFile())) {
            throw new IllegalArgumentException("an entry targets the engine's own state: " + layout.relative(target));
        }
        Path backup = null;
        if (b instanceof String bs) {
            backup = em.get("backup_rel") instanceof String brel ? inside(guard, brel)
                    : reroot(guard, path(bs), recordedRoot);
            if (!backup.startsWith(backupDir) || backup.equals(backupDir)) {
                throw new IllegalArgumentException("a backup lies outside the journal's backup folder: " + layout.relative(backup));
            }
        }
        EntryKind kind = em.get("kind") instanceof String k ? kind(k) : null;
        return new JournalEntry(target, backup, layout.relative(target), backup == null ? null : layout.relative(backup), kind);
    }

    private static EntryKind kind(String k) {
        for (EntryKind e : EntryKind.values()) {
            if (e.name().equalsIgnoreCase(k)) {
                return e;
            }
        }
        // A newer writer's kind: guessing how to undo it could destroy data, so the journal is set aside.
        throw new IllegalArgumentException("unknown entry kind '" + k + "'");
    }

    private static Path inside(KbPathGuard guard, String rel) {
        try {
            return guard.resolve(rel);
        } catch (UnsafePathException e) {
            throw new IllegalArgumentException("path leaves the KB: " + rel);
        }
    }

    /**
     * An absolute path (OpenKB's fields) under the recorded {@code kb_dir}, moved to where the KB is
     * now. {@code kb_dir} is itself journal content, so the result is checked against the real root:
     * {@code kb_dir: "/"} re-roots every path into the KB instead of letting any of it out.
     */
    private static Path reroot(KbPathGuard guard, Path abs, Path recordedRoot) {
        Path n = abs.normalize();
        if (!abs.isAbsolute() || !n.startsWith(recordedRoot) || n.equals(recordedRoot)) {
            throw new IllegalArgumentException("path is outside the journal's kb_dir: " + abs);
        }
        return inside(guard, recordedRoot.relativize(n).toString());
    }

    private static Path path(String s) {
        try {
            return Path.of(s);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a valid path: " + s);
        }
    }

    private static Map<String, Object> stringKeys(Map<Object, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (v != null) {
                out.put(String.valueOf(k), v);
            }
        });
        return out;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
