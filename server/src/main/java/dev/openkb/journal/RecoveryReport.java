package dev.openkb.journal;

import java.util.List;
import java.util.Map;

/**
 * What one recovery run did.
 *
 * @param rolledBack       active journals that were rolled back, newest first
 * @param discarded        terminal (committed / rolled back) journals cleaned up
 * @param stagingReclaimed orphaned staging and backup folders removed
 * @param gaveUp           journals given up after repeated failed rollbacks (set aside for review)
 * @param errors           messages for journals set aside or rollbacks that failed and will be retried
 */
public record RecoveryReport(List<RolledBack> rolledBack, int discarded, int stagingReclaimed,
                             List<String> gaveUp, List<String> errors) {
    public record RolledBack(String journal, String operation, Map<String, Object> details) {
    }

    public RecoveryReport {
        rolledBack = List.copyOf(rolledBack);
        gaveUp = List.copyOf(gaveUp);
        errors = List.copyOf(errors);
    }

    public static RecoveryReport empty() {
        return new RecoveryReport(List.of(), 0, 0, List.of(), List.of());
    }

    public boolean nothingToDo() {
        return rolledBack.isEmpty() && discarded == 0 && stagingReclaimed == 0 && gaveUp.isEmpty() && errors.isEmpty();
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
        if (stagingReclaimed > 0) {
            out.add("Reclaimed " + stagingReclaimed + " orphaned staging folder(s).");
        }
        out.addAll(gaveUp);
        out.addAll(errors);
        return out;
    }
}
