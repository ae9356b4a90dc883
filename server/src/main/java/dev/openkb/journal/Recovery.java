package dev.openkb.journal;

import dev.openkb.io.AtomicFiles;
import dev.openkb.io.KbPathGuard;
import dev.openkb.io.UnsafePathException;
import dev.openkb.kb.KbLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Brings a KB back to a committed state: rolls back every {@code active} journal newest-first,
 * discards terminal ones, sets aside journals it cannot parse or whose paths are unsafe (into
 * {@link Quarantine}, never blocking the lock), retries a failing rollback on later runs and gives
 * up after {@link #MAX_ATTEMPTS}, then reclaims orphaned staging. Accepts OpenKB's journals as well
 * as ours.
 *
 * <p>Journals are untrusted (a KB may be cloned): a journal is acted on only after every path in it
 * passed {@link JournalCodec} (inside the KB, backups in {@code .openkb/staging/}) and
 * {@link JournalPaths} (no symlink on the way); each delete is checked again right before it
 * happens. Nothing is done at all when {@code .openkb/journal} or {@code .openkb/staging} is itself
 * reached through a symlink. Runs under the exclusive KB lock; stateless apart from its collaborators.
 */
public final class Recovery {
    public static final int MAX_ATTEMPTS = 5;

    private final KbLayout layout;
    private final AtomicFiles files;
    private final JournalStore store;
    private final KbPathGuard guard;
    private final Quarantine quarantine;

    public Recovery(KbLayout layout, AtomicFiles files) {
        this.layout = layout;
        this.files = files;
        this.store = new JournalStore(layout, files);
        this.guard = new KbPathGuard(layout.root());
        this.quarantine = new Quarantine(layout, files);
    }

    /** Journal files waiting in {@code .openkb/journal/} (pending work for recovery). */
    public static List<Path> pendingJournals(KbLayout layout) {
        if (!Files.isDirectory(layout.journalDir())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(layout.journalDir())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public RecoveryReport run() {
        List<RecoveryReport.RolledBack> rolledBack = new ArrayList<>();
        List<String> gaveUp = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<Quarantine.Entry> setAside = new ArrayList<>();
        int discarded = 0;
        try {
            guard.requireReal(layout.journalDir(), false);
            guard.requireReal(layout.stagingDir(), false);
        } catch (UnsafePathException e) {
            // Listing or deleting there would act outside the KB; the user removes the link.
            errors.add("Recovery refused: " + e.getMessage() + ". Nothing was changed.");
            return new RecoveryReport(rolledBack, 0, 0, 0, gaveUp, errors, setAside);
        }
        removeStrayTemps(errors);
        List<Loaded> journals = new ArrayList<>();
        for (Path p : pendingJournals(layout)) {
            Loaded l = load(p, errors, setAside);
            if (l != null) {
                journals.add(l);
            }
        }
        journals.sort(Comparator.comparing(Loaded::order).reversed());
        boolean blocked = false;
        for (Loaded l : journals) {
            JournalRecord r = l.record();
            String name = l.file().getFileName().toString();
            if (r.status() != JournalStatus.ACTIVE) {
                if (discard(r, l.file(), errors)) {
                    discarded++;
                }
                continue;
            }
            if (blocked) {
                // An older journal must not be undone while a newer one is still half rolled back.
                errors.add("Rollback of " + r.operation() + " journal " + name + " deferred: a newer journal could not be rolled back.");
                continue;
            }
            try {
                Rollback.apply(files, layout, r);
                // Durably terminal before the before-images go: a crash while deleting them must
                // not leave an active journal whose backups are half gone (it could never roll back).
                store.write(r.withStatus(JournalStatus.ROLLED_BACK));
                discard(r, l.file(), errors);
                rolledBack.add(new RecoveryReport.RolledBack(name, r.operation(), r.details()));
            } catch (UnsafePathException e) {
                // Retrying cannot make a hostile path safe: set it aside now. Its backup folder (in
                // .openkb/staging, checked) is left to the reaper once the journal is gone.
                setAside(l.file(), null, "unsafe at rollback: " + e.getMessage(), errors, setAside);
            } catch (IOException | RuntimeException e) {
                int attempts = r.attempts() + 1;
                if (attempts >= MAX_ATTEMPTS) {
                    String why = "gave up after " + attempts + " failed rollback(s): " + describe(e);
                    setAside(l.file(), r.backupDir(), why, errors, null);
                    gaveUp.add("GAVE UP on " + r.operation() + " journal " + name + " after " + attempts
                            + " failed rollback(s): " + describe(e) + ". The KB may be partially rolled back; the journal"
                            + " and its backup were moved to " + layout.relative(Quarantine.dir(layout)) + " for manual review.");
                } else {
                    blocked = true;
                    try {
                        store.write(r.withAttempts(attempts));
                    } catch (IOException io) {
                        errors.add("Cannot record the failed attempt in " + name + ": " + io.getMessage());
                    }
                    errors.add("Rollback of " + r.operation() + " journal " + name + " failed (attempt " + attempts + "/"
                            + MAX_ATTEMPTS + "): " + describe(e) + "; retained for retry. Fix the cause and run `openkb recover`.");
                }
            }
        }
        StagingReaper.Reaped reaped = new StagingReaper(layout, files).reap(errors);
        return new RecoveryReport(rolledBack, discarded, reaped.total(), reaped.abandoned(), gaveUp, errors, setAside);
    }

    private record Loaded(Path file, JournalRecord record, String order) {
    }

    private Loaded load(Path file, List<String> errors, List<Quarantine.Entry> setAside) {
        String name = file.getFileName().toString();
        String fileId = name.substring(0, name.length() - ".json".length());
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                // A symlink (to anything), a FIFO that would block the read, a folder: never read it.
                throw new UnsafePathException(file, "not a regular file");
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            JournalRecord r = JournalCodec.decode(text, fileId, layout.root());
            JournalPaths.check(guard, r);
            // Ours sort by their time-ordered id; OpenKB's ids are random, so use the file's mtime.
            String order = r.ours() && r.created() != null ? r.created()
                    : Files.getLastModifiedTime(file).toInstant().toString();
            return new Loaded(file, r, order);
        } catch (IllegalArgumentException | UnsafePathException refused) {
            setAside(file, null, refused.getMessage(), errors, setAside); // already a sentence for the user
            return null;
        } catch (IOException | RuntimeException e) {
            setAside(file, null, describe(e), errors, setAside);
            return null;
        }
    }

    private boolean discard(JournalRecord r, Path file, List<String> errors) {
        try {
            files.deleteTree(guard.requireReal(r.backupDir(), true));
            files.ops().delete(file);
            return true;
        } catch (IOException e) {
            errors.add("Cannot clean journal " + file.getFileName() + ": " + e.getMessage());
            return false;
        }
    }

    /**
     * Moves a journal into quarantine without touching anything it names.
     *
     * @param report where to list it (null for a gave-up journal, which {@code gaveUp} reports)
     */
    private void setAside(Path journal, Path backupDir, String reason, List<String> errors, List<Quarantine.Entry> report) {
        String name = journal.getFileName().toString();
        try {
            String as = quarantine.setAside(journal, backupDir, reason);
            if (report != null) {
                report.add(new Quarantine.Entry(as, reason));
            }
        } catch (IOException | RuntimeException e) {
            errors.add("Cannot set aside mutation journal " + name + " (" + reason + "): " + describe(e)
                    + ". Move it out of " + layout.relative(layout.journalDir()) + " by hand.");
        }
    }

    /** Temp files of interrupted journal writes ({@code .<id>.json.<hex>.tmp}). */
    private void removeStrayTemps(List<String> errors) {
        if (!Files.isDirectory(layout.journalDir())) {
            return;
        }
        try (Stream<Path> s = Files.list(layout.journalDir())) {
            for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) {
                files.ops().delete(p);
            }
        } catch (IOException e) {
            errors.add("Cannot clean temp files in " + layout.journalDir() + ": " + e.getMessage());
        }
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
