package dev.openkb.reliability;

import dev.openkb.add.AddReport;
import dev.openkb.add.FileResult;
import dev.openkb.engine.CancelToken;
import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.FileStatus;
import dev.openkb.engine.KbException;
import dev.openkb.engine.ProgressListener;
import dev.openkb.io.RealFileOps;
import dev.openkb.journal.Quarantine;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.Registry;
import dev.openkb.kb.RegistryEntry;
import dev.openkb.service.OpenKb;
import dev.openkb.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Layer 7, bad input: each hostile file is added on its own to a copy of a small KB. It must either
 * fail with a classified error (an {@link ErrorCode} leading its reason) and leave the KB byte for
 * byte as it was, or be added cleanly (a safe document name, every invariant holding), within two
 * minutes. Corrupt state files ({@code hashes.json}, {@code config.yaml}) must stop the add with a
 * CORRUPT_STATE error naming the file, the KB untouched; corrupt, empty, truncated or path-escaping
 * journals (a backup folder outside the KB, relative or absolute; an entry reached through a
 * symlinked folder, ours or OpenKB's) must be set aside by recovery in
 * {@code .openkb/journal/quarantine/} with a message naming them, touching nothing outside the KB,
 * and the add must then proceed; a symlinked {@code .openkb/staging} must stop the add with
 * PATH_OUTSIDE_KB, nothing outside reaped or written. Stateless.
 */
public final class HostileInputSweep {
    public static final String LAYER = "hostile-input";
    private static final String JOURNAL_ID = "0123456789abcdef0123456789abcdef";

    private HostileInputSweep() {
    }

    public static LayerResult run(Path work) throws IOException {
        LayerResult r = new LayerResult(LAYER, "hostile inputs");
        Path base = baseKb(work);
        for (Map.Entry<String, Path> e : HostileFiles.write(work.resolve("hostile")).entrySet()) {
            judge(r, e.getKey(), hostileFile(r, base, work, e.getKey(), e.getValue()));
        }
        Path note = Samples.copy(work.resolve("valid"), "write-ahead-logging.md").get(0);
        judge(r, "corrupt hashes.json", corruptState(base, work, note, ".openkb/hashes.json", "{\"a\": [unclosed"));
        judge(r, "empty hashes.json", corruptState(base, work, note, ".openkb/hashes.json", ""));
        judge(r, "corrupt config.yaml", corruptState(base, work, note, ".openkb/config.yaml", "model: [unclosed\n  : :"));
        judge(r, "garbage journal", corruptJournal(base, work, note, kb -> "this is not json", kb -> { }));
        judge(r, "empty journal", corruptJournal(base, work, note, kb -> "", kb -> { }));
        judge(r, "truncated journal", corruptJournal(base, work, note,
                kb -> "{\"version\": 1, \"operation\": \"add\", \"status\": \"act", kb -> { }));
        judge(r, "journal naming a path outside the KB", corruptJournal(base, work, note, kb -> escapingJournal(work), kb -> { }));
        // Issue 12: planted journals and symlinks that made recovery delete outside the KB.
        Path outsideDir = work.resolve("outside-dir");
        judge(r, "committed journal whose backup folder is ../../outside", corruptJournal(base, work, note,
                kb -> committedJournal(kb.root().relativize(outsideDir).toString(), outsideDir), kb -> { }));
        judge(r, "committed journal whose backup folder is an absolute path outside", corruptJournal(base, work, note,
                kb -> committedJournal(outsideDir.toString(), outsideDir), kb -> { }));
        judge(r, "active journal deleting through a symlinked wiki folder", corruptJournal(base, work, note,
                kb -> throughSymlinkJournal(kb, true), kb -> Files.createSymbolicLink(kb.wikiDir().resolve("evil"), outsideDir)));
        judge(r, "OpenKB journal deleting through a symlinked wiki folder", corruptJournal(base, work, note,
                kb -> throughSymlinkJournal(kb, false), kb -> Files.createSymbolicLink(kb.wikiDir().resolve("evil"), outsideDir)));
        judge(r, "symlinked .openkb/staging", symlinkedStaging(base, work, note, outsideDir));
        return r;
    }

    private static void judge(LayerResult r, String label, List<String> violations) {
        r.tried();
        if (!violations.isEmpty()) {
            r.diverged(new Divergence(LAYER, label, label, 0, violations, Replay.command(LAYER, "-", "all", 0)));
        }
    }

    /** A KB that already holds one document, so a failure has something to leave intact. */
    private static Path baseKb(Path work) throws IOException {
        Path base = work.resolve("base");
        Workbench.deleteTree(base);
        KbLayout kb = Fixtures.kb(base);
        List<Path> seed = Samples.copy(work.resolve("seed"), "fsync-notes.txt");
        try (OpenKb engine = new OpenKb(new RealFileOps(), w -> { }, Workbench.CLOCK)) {
            if (engine.kb(kb).add(seed, 1, ProgressListener.NONE, CancelToken.none()).added() != 1) {
                throw new IllegalStateException("could not build the base KB");
            }
        }
        return base;
    }

    private static List<String> hostileFile(LayerResult r, Path base, Path work, String label, Path file) throws IOException {
        Path kb = Fixtures.copyTree(base, fresh(work, "kb"));
        Map<String, String> pre = Manifests.EXACT.of(kb);
        List<String> v = new ArrayList<>();
        AddReport report;
        try {
            report = withTimeout(() -> add(kb, file, new ArrayList<>()));
        } catch (Exception e) {
            return List.of(label + ": the add threw or hung instead of reporting: " + e);
        }
        FileResult f = report.files().get(0);
        r.note(label + ": " + (f.status() == FileStatus.ADDED ? "added as `" + f.docName() + "`"
                : f.status().wireName() + ", " + (f.reason() == null ? "" : f.reason().replace(file.toString(), file.getFileName().toString()))));
        if (f.status() == FileStatus.FAILED || f.status() == FileStatus.SKIPPED) {
            if (f.status() == FileStatus.FAILED && !classified(f.reason())) {
                v.add(label + ": failed without a classified reason: " + f.reason());
            }
            if (!Manifests.EXACT.of(kb).equals(pre)) {
                v.add(label + ": the KB changed although the file " + f.status().wireName() + " ("
                        + KbInvariants.diff(pre, Manifests.EXACT.of(kb)) + ")");
            }
        } else {
            RegistryEntry entry = Registry.load(new KbLayout(kb)).findByDocName(f.docName()).orElse(null);
            if (entry == null || !f.docName().matches("[\\p{L}\\p{N}_\\-]+")) {
                v.add(label + ": added under an unsafe or unregistered name: " + f.docName());
            }
        }
        v.addAll(KbInvariants.check(new KbLayout(kb), List.of(Manifests.EXACT.of(kb))));
        if (v.isEmpty()) {
            Workbench.deleteTree(kb);
        }
        return v;
    }

    private static List<String> corruptState(Path base, Path work, Path note, String rel, String content) throws IOException {
        Path kb = Fixtures.copyTree(base, fresh(work, "kb"));
        Files.writeString(kb.resolve(rel), content, StandardCharsets.UTF_8);
        Map<String, String> pre = Manifests.EXACT.of(kb);
        List<String> v = new ArrayList<>();
        try {
            AddReport r = withTimeout(() -> add(kb, note, new ArrayList<>()));
            FileResult f = r.files().get(0);
            if (f.status() != FileStatus.FAILED || !f.reason().contains(ErrorCode.CORRUPT_STATE.name()) || !f.reason().contains(rel)) {
                v.add(rel + " corrupt: the add ended " + f.status().wireName() + " (" + f.reason() + ") instead of a CORRUPT_STATE error naming it");
            }
        } catch (Exception e) {
            Throwable c = e.getCause() != null ? e.getCause() : e;
            if (!(c instanceof KbException k && k.code() == ErrorCode.CORRUPT_STATE && k.getMessage().contains(rel))) {
                v.add(rel + " corrupt: the add failed with " + c + " instead of a CORRUPT_STATE error naming it");
            }
        }
        if (!Manifests.EXACT.of(kb).equals(pre)) {
            v.add(rel + " corrupt: the KB changed (" + KbInvariants.diff(pre, Manifests.EXACT.of(kb)) + ")");
        }
        if (v.isEmpty()) {
            Workbench.deleteTree(kb);
        }
        return v;
    }

    @FunctionalInterface
    private interface Plant<T> {
        T apply(KbLayout kb) throws IOException;
    }

    @FunctionalInterface
    private interface Setup {
        void apply(KbLayout kb) throws IOException;
    }

    /** A folder outside the KB that a hostile KB aims at; every case checks it is left as it was. */
    private static Path outsideDir(Path work) throws IOException {
        Path d = work.resolve("outside-dir");
        Files.createDirectories(d);
        Files.writeString(d.resolve("precious.txt"), "must survive", StandardCharsets.UTF_8);
        return d;
    }

    private static List<String> corruptJournal(Path base, Path work, Path note, Plant<String> journal, Setup setup) throws IOException {
        Path kb = Fixtures.copyTree(base, fresh(work, "kb"));
        KbLayout layout = new KbLayout(kb);
        Path outsideDir = outsideDir(work);
        setup.apply(layout);
        Files.createDirectories(layout.journalDir());
        Files.writeString(layout.journalDir().resolve(JOURNAL_ID + ".json"), journal.apply(layout), StandardCharsets.UTF_8);
        Path outside = Files.writeString(work.resolve("outside.txt"), "must survive", StandardCharsets.UTF_8);
        List<String> warnings = new CopyOnWriteArrayList<>();
        List<String> v = new ArrayList<>();
        try {
            AddReport r = withTimeout(() -> add(kb, note, warnings));
            if (r.added() != 1) {
                v.add("a bad journal blocked the add: " + r.files());
            }
        } catch (Exception e) {
            v.add("a bad journal made the add fail: " + e);
        }
        if (warnings.stream().noneMatch(w -> w.contains(JOURNAL_ID + ".json"))) {
            v.add("recovery did not name the journal it set aside: " + warnings);
        }
        Path quarantine = Quarantine.dir(layout);
        if (Quarantine.list(layout).stream().noneMatch(q -> q.name().equals(JOURNAL_ID + ".json"))) {
            v.add("the bad journal is not in .openkb/journal/quarantine");
        }
        if (!Files.isRegularFile(outside) || !Files.readString(outside).equals("must survive")) {
            v.add("a file outside the KB named by the journal was touched");
        }
        if (!Files.isRegularFile(outsideDir.resolve("precious.txt"))) {
            v.add("a folder outside the KB named by the journal was deleted");
        }
        Workbench.deleteTree(quarantine);
        Files.deleteIfExists(layout.wikiDir().resolve("evil"));
        v.addAll(KbInvariants.check(layout, List.of(Manifests.EXACT.of(kb))));
        if (v.isEmpty()) {
            Workbench.deleteTree(kb);
        }
        return v;
    }

    /**
     * {@code .openkb/staging} planted as a symlink to a folder outside holding an old, lease-less
     * folder: the reaper must not delete it, and the add must not convert into it. The add fails
     * with PATH_OUTSIDE_KB and the KB is unchanged.
     */
    private static List<String> symlinkedStaging(Path base, Path work, Path note, Path outsideDir) throws IOException {
        Path kb = Fixtures.copyTree(base, fresh(work, "kb"));
        KbLayout layout = new KbLayout(kb);
        outsideDir(work);
        Path old = outsideDir.resolve("add-paper-0123abcd");
        Files.createDirectories(old);
        Files.writeString(old.resolve("paper.md"), "someone else's", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600)));
        Workbench.deleteTree(layout.stagingDir());
        Files.createSymbolicLink(layout.stagingDir(), outsideDir);
        Map<String, String> pre = Manifests.EXACT.of(kb);
        List<String> v = new ArrayList<>();
        try {
            AddReport r = withTimeout(() -> add(kb, note, new ArrayList<>()));
            FileResult f = r.files().get(0);
            if (f.status() != FileStatus.FAILED || !f.reason().startsWith(ErrorCode.PATH_OUTSIDE_KB.name())) {
                v.add("symlinked staging: the add ended " + f.status().wireName() + " (" + f.reason() + "), not PATH_OUTSIDE_KB");
            }
        } catch (Exception e) {
            v.add("symlinked staging: the add threw instead of reporting: " + e);
        }
        if (!Files.isRegularFile(old.resolve("paper.md")) || !Files.isRegularFile(outsideDir.resolve("precious.txt"))) {
            v.add("symlinked staging: the reaper deleted a folder outside the KB");
        }
        try (var s = Files.list(outsideDir)) {
            if (s.count() != 2) {
                v.add("symlinked staging: something was written outside the KB");
            }
        }
        if (!Manifests.EXACT.of(kb).equals(pre)) {
            v.add("symlinked staging: the KB changed (" + KbInvariants.diff(pre, Manifests.EXACT.of(kb)) + ")");
        }
        Files.delete(layout.stagingDir());
        if (v.isEmpty()) {
            Workbench.deleteTree(kb);
        }
        return v;
    }

    /** Ours, committed, whose backup folder (deleted when a finished journal is cleaned) is outside the KB. */
    private static String committedJournal(String backupDirRel, Path outsideDir) {
        return "{\n  \"version\": 1,\n  \"operation\": \"add\",\n  \"status\": \"committed\",\n  \"kb_dir\": \"/nonexistent\",\n"
                + "  \"backup_dir\": \"" + outsideDir + "\",\n  \"details\": {},\n  \"attempts\": 0,\n  \"entries\": [],\n"
                + "  \"id\": \"" + JOURNAL_ID + "\",\n  \"writer\": \"openkb-java\",\n  \"backup_dir_rel\": \"" + backupDirRel + "\"\n}\n";
    }

    /** Active, restoring "absent" for wiki/evil/precious.txt, where wiki/evil links out of the KB. */
    private static String throughSymlinkJournal(KbLayout kb, boolean ours) {
        String target = kb.wikiDir().resolve("evil/precious.txt").toString();
        String backupDir = kb.stagingDir().resolve("rollback-" + JOURNAL_ID).toString();
        String entry = ours
                ? "{\"target\": \"" + target + "\", \"backup\": null, \"rel\": \"wiki/evil/precious.txt\", \"backup_rel\": null, \"kind\": \"absent\"}"
                : "{\"target\": \"" + target + "\", \"backup\": null}";
        return "{\n  \"version\": 1,\n  \"operation\": \"add\",\n  \"status\": \"active\",\n  \"kb_dir\": \"" + kb.root() + "\",\n"
                + "  \"backup_dir\": \"" + backupDir + "\",\n  \"details\": {},\n  \"attempts\": 0,\n  \"entries\": [" + entry + "]"
                + (ours ? ",\n  \"id\": \"" + JOURNAL_ID + "\",\n  \"writer\": \"openkb-java\",\n  \"backup_dir_rel\": \".openkb/staging/rollback-"
                        + JOURNAL_ID + "\"" : "") + "\n}\n";
    }

    /** An active journal of ours whose entry targets a file outside the KB, with a before-image to "restore". */
    private static String escapingJournal(Path work) {
        String outside = work.resolve("outside.txt").toString();
        return "{\n  \"version\": 1,\n  \"operation\": \"add\",\n  \"status\": \"active\",\n  \"kb_dir\": \"/nonexistent\",\n"
                + "  \"backup_dir\": \"/nonexistent/backup\",\n  \"details\": {},\n  \"attempts\": 0,\n  \"entries\": [\n"
                + "    {\"target\": \"" + outside + "\", \"backup\": null, \"rel\": \"../../outside.txt\", \"backup_rel\": null, \"kind\": \"absent\"}\n"
                + "  ],\n  \"id\": \"" + JOURNAL_ID + "\",\n  \"writer\": \"openkb-java\",\n  \"backup_dir_rel\": \"../backup\"\n}\n";
    }

    private static AddReport add(Path kb, Path file, List<String> warnings) throws IOException {
        try (OpenKb engine = new OpenKb(new RealFileOps(), warnings::add, Workbench.CLOCK)) {
            return engine.kb(new KbLayout(kb)).add(List.of(file), 1, ProgressListener.NONE, CancelToken.none());
        }
    }

    /** "CONVERSION_FAILED: /path: reason": the engine knew what went wrong. */
    private static boolean classified(String reason) {
        return reason != null && Arrays.stream(ErrorCode.values()).anyMatch(c -> reason.startsWith(c.name() + ": "));
    }

    @FunctionalInterface
    private interface Add {
        AddReport run() throws IOException;
    }

    /** Runs an add with a two-minute limit: a hostile file must not hang the engine. */
    private static AddReport withTimeout(Add add) throws Exception {
        ExecutorService one = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hostile-add");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<AddReport> f = one.submit(add::run);
            return f.get(2, TimeUnit.MINUTES);
        } catch (TimeoutException e) {
            throw new IOException("no result within 2 minutes", e);
        } finally {
            one.shutdownNow();
        }
    }

    private static Path fresh(Path work, String prefix) throws IOException {
        return Files.createTempDirectory(work, prefix).resolve("kb");
    }
}
