package dev.openkb.journal;

import dev.openkb.io.KbPathGuard;
import dev.openkb.io.UnsafePathException;

/**
 * The file-system half of a journal's path rules (the lexical half is {@link JournalCodec}): no path
 * a journal names — its backup folder, each target, each backup — is reached through a symlink.
 * Checked when recovery loads a journal (a failure sets it aside with nothing touched) and by
 * {@link Rollback} before it changes anything; each step re-checks its own paths at use time. A
 * target may itself be a symlink (restoring replaces or deletes the link, never what it points to).
 * Stateless.
 */
final class JournalPaths {
    private JournalPaths() {
    }

    static void check(KbPathGuard guard, JournalRecord r) throws UnsafePathException {
        guard.requireReal(r.backupDir(), true);
        for (JournalEntry e : r.entries()) {
            guard.requireReal(e.target(), true);
            if (e.backup() != null) {
                guard.requireReal(e.backup(), false);
            }
        }
    }
}
