package dev.openkb.journal;

import java.util.List;
import java.util.Map;

/**
 * What one recovery run did.
 *
 * @param rolledBack       active journals that were rolled back, newest first
 * @param discarded        terminal (committed / rolled back) journals cleaned up
 * @param stagingReclaimed orphaned staging and backup folders removed (and symlinks planted there)
 * @param stagingAbandoned those of them a process that died left behind: the only ones warned about
 * @param gaveUp           journals given up after repeated failed rollbacks (set aside for review)
 * @param errors           messages for rollbacks that failed and will be retried, and anything recovery could not do
 * @param quarantined      journals set aside this run without touching anything they name (unreadable, or
 *                         naming a path outside the KB or through a symlink), each with its reason
 */
public record RecoveryReport(List<RolledBack> rolledBack, int discarded, int stagingReclaimed, int stagingAbandoned,
                             List<String> gaveUp, List<String> errors, List<Quarantine.Entry> quarantined) {
    public record RolledBack(String journal, String operation, Map<String, Object> details) {
    }

    public RecoveryReport {
        rolledBack = List.copyOf(rolledBack);
        gaveUp = List.copyOf(gaveUp);
        errors = List.copyOf(errors);
        quarantined = List.copyOf(quarantined);
    }

    public static RecoveryReport empty() {
        return new RecoveryReport(List.of(), 0, 0, 0, List.of(), List.of(), List.of());
    }

    public boolean nothingToDo() {
        return rolledBack.isEmpty() && discarded == 0 && stagingReclaimed == 0 && gaveUp.isEmpty() && errors.isEmpty()
                && quarantined.isEmpty();
    }

    /** True when a journal is still pending after this run (a rollback that will be retried). */
    public boolean dirty() {
        return errors.stream().anyMatch(e -> e.startsWith("Rollback of"));
    }

    /** One line per event, for logs and the CLI. */
    public List<String> lines() {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (RolledBack r : rolledBack) {
            out.add("Rolled back interrupted " + r.operation() + " journal " + r.journal() + ".");
        }
        if (discarded > 0) {
            out.add("Cleaned " + discarded + " finished mutation journal(s).");
        }
        if (stagingAbandoned > 0) {
            // Only what a dead process left: a live add's set-up or clean-up raced by this run is no news.
            out.add("Reclaimed " + stagingAbandoned + " staging folder(s) left by a process that died.");
        }
        for (Quarantine.Entry q : quarantined) {
            out.add("Unrecoverable mutation journal " + q.name() + " (" + q.reason() + "); set aside in .openkb/journal/"
                    + Quarantine.DIR_NAME + " without touching anything it names. Inspect it, then delete it.");
        }
        out.addAll(gaveUp);
        out.addAll(errors);
        return out;
    }
}
