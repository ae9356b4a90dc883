package dev.openkb.reliability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Layer 5, an ALICE-style protocol lint over an strace trace of one real process (crash-test
 * matrix §2.5). It replays the calls, keeping which files hold data not yet fsynced and which
 * directory entries are not yet durable (no fsync of their folder since), and reports:
 * <ul>
 *   <li><b>L1</b>: a file renamed into the KB or the journal before its data was fsynced;</li>
 *   <li><b>L2</b>: a KB-visible change (rename, link, unlink, mkdir, rmdir, create in the KB outside
 *       {@code .openkb/journal} and {@code .openkb/staging}) made before any journal exists, or while an
 *       entry of the journal area (the journal file, the backup folder and its before-images) is not
 *       yet durable;</li>
 *   <li><b>L3</b>: a KB-visible directory entry not yet durable when a transaction's last journal
 *       write (its commit or rolled-back mark) is renamed into place;</li>
 *   <li><b>L4</b>: a before-image deleted before its journal was durably marked terminal after the
 *       transaction's last KB-visible change.</li>
 * </ul>
 * Confined to one call of {@link #check}.
 */
public final class ProtocolLint {
    private final Path root;
    private final Path journalDir;
    private final Path stagingDir;
    private final Set<String> dirty = new HashSet<>();
    /** Folder → its entry changes not yet made durable by an fsync of the folder. */
    private final Map<String, List<String>> pending = new LinkedHashMap<>();
    private final Map<String, Integer> lastMark = new HashMap<>();
    private final Set<String> markSynced = new HashSet<>();
    private final Set<String> backupsDeleted = new HashSet<>();
    private final List<String> violations = new ArrayList<>();
    private int lastVisible = -1;
    private boolean journalSeen;

    private ProtocolLint(Path kbRoot) {
        this.root = kbRoot.toAbsolutePath().normalize();
        this.journalDir = root.resolve(".openkb/journal");
        this.stagingDir = root.resolve(".openkb/staging");
    }

    /**
     * The violations in the trace of one process working on the KB at {@code kbRoot}; empty when
     * clean. {@code journalOnDisk}: the process starts with a journal to recover (a rollback trace).
     */
    public static List<String> check(Path kbRoot, List<StraceTrace.Call> calls, boolean journalOnDisk) {
        ProtocolLint lint = new ProtocolLint(kbRoot);
        lint.journalSeen = journalOnDisk;
        Map<String, Integer> finalMark = new HashMap<>();
        for (StraceTrace.Call c : calls) {
            String id = lint.journalId(c);
            if (id != null) {
                finalMark.put(id, c.index());
            }
        }
        for (StraceTrace.Call c : calls) {
            lint.step(c, finalMark);
        }
        return lint.violations;
    }

    private void step(StraceTrace.Call c, Map<String, Integer> finalMark) {
        switch (c.name()) {
            case "write", "pwrite64", "writev", "pwritev", "sendfile" -> dirtyFd(c.fd(0));
            case "copy_file_range" -> dirtyFd(c.fd(1));
            case "fsync", "fdatasync" -> synced(c.fd(0));
            case "openat" -> {
                if (c.text().contains("O_CREAT") && c.text().contains("O_EXCL")) {
                    entry(c, abs(c.path(0)), "create");
                }
            }
            case "mkdir", "mkdirat" -> entry(c, abs(c.path(0)), "mkdir");
            case "rmdir" -> rmdir(c, abs(c.path(0)));
            case "unlink", "unlinkat" -> unlink(c, abs(c.path(0)));
            case "link", "linkat" -> entry(c, abs(c.path(1)), "link");
            case "rename", "renameat", "renameat2" -> rename(c, abs(c.path(0)), abs(c.path(1)), finalMark);
            default -> {
            }
        }
    }

    private void rename(StraceTrace.Call c, Path from, Path to, Map<String, Integer> finalMark) {
        if (from == null || to == null) {
            return;
        }
        String id = journalId(c);
        if (dirty.remove(from.toString()) && (visible(to) || id != null)) {
            violations.add("L1: " + rel(from) + " renamed to " + rel(to) + " before its data was fsynced (call " + c.index() + ")");
        }
        if (id != null) {
            journalSeen = true;
            if (finalMark.get(id) == c.index()) {
                for (Map.Entry<String, List<String>> e : pending.entrySet()) {
                    e.getValue().stream().filter(op -> visible(Path.of(op.substring(op.indexOf(' ') + 1))))
                            .forEach(op -> violations.add("L3: " + relOp(op) + " not durable before the last journal write of " + id));
                }
            }
            lastMark.put(id, c.index());
            markSynced.remove(id);
        }
        record(c, from, "rename-from");
        entry(c, to, "rename");
    }

    private void unlink(StraceTrace.Call c, Path p) {
        if (p == null) {
            return;
        }
        dirty.remove(p.toString());
        String id = backupOf(p);
        if (id != null && backupsDeleted.add(id)) {
            Integer mark = lastMark.get(id);
            if (mark == null || mark < lastVisible || !markSynced.contains(id)) {
                violations.add("L4: before-image " + rel(p) + " deleted before journal " + id + " was durably marked terminal (call " + c.index() + ")");
            }
        }
        if (c.text().contains("AT_REMOVEDIR")) {
            rmdir(c, p);
        } else {
            entry(c, p, "unlink");
        }
    }

    /** A removed folder's own pending entries can never be synced, and no longer matter. */
    private void rmdir(StraceTrace.Call c, Path p) {
        if (p == null) {
            return;
        }
        pending.keySet().removeIf(d -> Path.of(d).startsWith(p));
        entry(c, p, "rmdir");
    }

    /** A directory-entry change of {@code p}; a KB-visible one must find the journal area durable (L2). */
    private void entry(StraceTrace.Call c, Path p, String kind) {
        if (p == null) {
            return;
        }
        if (visible(p)) {
            if (!journalSeen) {
                violations.add("L2: " + kind + " " + rel(p) + " before any journal was written (call " + c.index() + ")");
            }
            for (List<String> ops : pending.values()) {
                ops.stream().filter(op -> journalArea(Path.of(op.substring(op.indexOf(' ') + 1)))).forEach(op -> violations.add(
                        "L2: " + kind + " " + rel(p) + " while " + relOp(op) + " was not durable (call " + c.index() + ")"));
            }
            lastVisible = c.index();
        }
        record(c, p, kind);
    }

    private void record(StraceTrace.Call c, Path p, String kind) {
        if (p.startsWith(root) && p.getParent() != null) {
            pending.computeIfAbsent(p.getParent().toString(), k -> new ArrayList<>()).add(kind + " " + p);
        }
    }

    private void dirtyFd(String path) {
        if (path != null && abs(path) != null && abs(path).startsWith(root)) {
            dirty.add(abs(path).toString());
        }
    }

    private void synced(String path) {
        if (path == null) {
            return;
        }
        Path p = abs(path);
        dirty.remove(p.toString());
        List<String> cleared = pending.remove(p.toString());
        if (p.equals(journalDir) && cleared != null) {
            lastMark.keySet().forEach(markSynced::add);
        }
    }

    /** The journal id when {@code c} renames a journal file into {@code .openkb/journal/}. */
    private String journalId(StraceTrace.Call c) {
        if (!c.name().startsWith("rename") || c.path(1) == null) {
            return null;
        }
        Path to = abs(c.path(1));
        String n = to.getFileName().toString();
        return to.getParent().equals(journalDir) && n.endsWith(".json") && !n.startsWith(".") ? n.substring(0, n.length() - 5) : null;
    }

    /** The transaction id when {@code p} is a before-image (in {@code rollback-<id>/}, not in its scratch folder). */
    private String backupOf(Path p) {
        if (!p.startsWith(stagingDir) || p.getNameCount() < stagingDir.getNameCount() + 2) {
            return null;
        }
        String dir = p.getName(stagingDir.getNameCount()).toString();
        String under = p.getName(stagingDir.getNameCount() + 1).toString();
        return dir.startsWith("rollback-") && !under.equals("tmp") ? dir.substring("rollback-".length()) : null;
    }

    /** Journal files, backup folders and before-images: what must be durable before the KB changes. */
    private boolean journalArea(Path p) {
        if (p.startsWith(journalDir) || p.equals(stagingDir)) {
            return true;
        }
        if (!p.startsWith(stagingDir) || p.getNameCount() <= stagingDir.getNameCount()) {
            return false;
        }
        String dir = p.getName(stagingDir.getNameCount()).toString();
        boolean scratch = p.getNameCount() > stagingDir.getNameCount() + 1 && p.getName(stagingDir.getNameCount() + 1).toString().equals("tmp");
        return dir.startsWith("rollback-") && !scratch;
    }

    private boolean visible(Path p) {
        return p.startsWith(root) && !p.equals(root) && !p.startsWith(journalDir) && !p.startsWith(stagingDir)
                && !p.startsWith(root.resolve(".openkb/quarantine")) && !p.equals(root.resolve(".openkb/ingest.lock"));
    }

    private static Path abs(String s) {
        return s == null || !s.startsWith("/") ? null : Path.of(s).normalize();
    }

    private String rel(Path p) {
        return p.startsWith(root) ? root.relativize(p).toString() : p.toString();
    }

    private String relOp(String op) {
        int sp = op.indexOf(' ');
        return op.substring(0, sp) + " " + rel(Path.of(op.substring(sp + 1)));
    }
}
