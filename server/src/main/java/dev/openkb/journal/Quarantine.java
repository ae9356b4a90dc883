package dev.openkb.journal;

import dev.openkb.io.AtomicFiles;
import dev.openkb.io.KbPathGuard;
import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code .openkb/journal/quarantine/}: journals recovery will not act on — unreadable, naming a path
 * outside the KB or through a symlink, or given up after repeated failed rollbacks — kept as
 * evidence. A journal is moved there whole, as {@code <name>} (the file itself, never anything it
 * names; a gave-up journal's own backup folder goes with it), beside {@code <name>.reason}, one line
 * saying why. Nothing there is read as a journal again, so it never blocks the lock; {@code status}
 * lists it until a person deletes it. OpenKB's recovery reads only {@code journal/*.json}, so it
 * ignores the folder too. Stateless apart from its collaborators; runs under the exclusive lock.
 */
public final class Quarantine {
    public static final String DIR_NAME = "quarantine";
    static final String REASON_SUFFIX = ".reason";

    /** One set-aside journal and why. */
    public record Entry(String name, String reason) {
    }

    private final KbLayout layout;
    private final AtomicFiles files;
    private final KbPathGuard guard;

    Quarantine(KbLayout layout, AtomicFiles files) {
        this.layout = layout;
        this.files = files;
        this.guard = new KbPathGuard(layout.root());
    }

    public static Path dir(KbLayout layout) {
        return layout.journalDir().resolve(DIR_NAME);
    }

    /**
     * Moves {@code journal} (a file, or a planted symlink or folder: the entry itself is moved, what
     * it points to is not read) into quarantine with its reason; returns the name it got there.
     *
     * @param backupDir the journal's own backup folder to keep with it (already validated), or null
     */
    String setAside(Path journal, Path backupDir, String reason) throws IOException {
        Path q = dir(layout);
        guard.requireReal(q, false);
        if (!Files.isDirectory(q, LinkOption.NOFOLLOW_LINKS)) {
            files.createDirectories(q);
            files.ops().syncDirectory(layout.journalDir());
        }
        Path dest = free(q, journal.getFileName().toString());
        files.ops().rename(journal, dest);
        if (backupDir != null && Files.isDirectory(guard.requireReal(backupDir, false), LinkOption.NOFOLLOW_LINKS)) {
            files.ops().rename(backupDir, free(q, backupDir.getFileName().toString()));
            files.ops().syncDirectory(backupDir.getParent());
        }
        String line = oneLine(reason) + " (set aside " + Instant.now() + ")\n";
        files.write(q.resolve(dest.getFileName() + REASON_SUFFIX), line.getBytes(StandardCharsets.UTF_8));
        files.ops().syncDirectory(layout.journalDir());
        return dest.getFileName().toString();
    }

    /** The quarantined journals, by name, with the reason recorded for each (read-only). */
    public static List<Entry> list(KbLayout layout) {
        Path q = dir(layout);
        if (!new KbPathGuard(layout.root()).isRealDirectory(q)) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(q)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                boolean reasoned = Files.exists(q.resolve(name + REASON_SUFFIX), LinkOption.NOFOLLOW_LINKS);
                if (name.endsWith(REASON_SUFFIX) || name.startsWith(".")
                        || !reasoned && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue; // reason files, temps of their writes, a gave-up journal's backup folder
                }
                out.add(new Entry(name, reason(q.resolve(name + REASON_SUFFIX))));
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    private static String reason(Path file) {
        try {
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return oneLine(Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            return "reason unreadable: " + e.getMessage();
        }
        return "no reason recorded";
    }

    /** {@code name}, or {@code name.1}, {@code name.2}... when a journal of that name is already there. */
    private static Path free(Path q, String name) {
        Path p = q.resolve(name);
        for (int i = 1; Files.exists(p, LinkOption.NOFOLLOW_LINKS) || Files.exists(q.resolve(p.getFileName() + REASON_SUFFIX),
                LinkOption.NOFOLLOW_LINKS); i++) {
            p = q.resolve(name + "." + i);
        }
        return p;
    }

    private static String oneLine(String s) {
        String t = s == null ? "" : s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
