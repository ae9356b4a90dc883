package dev.openkb.reliability;

import java.util.Set;

/**
 * What a scenario's operation reported: the unit sets its report is consistent with (one when the
 * report is definite), and, when a rollback failed and the journal was left for recovery, the
 * engine's message (null otherwise). After a failed rollback the KB is whatever the journal on disk
 * makes of it, so only the state after recovery is checked.
 */
public record Reported(Set<Set<Integer>> possible, String dirtyRollback) {
    public Reported {
        possible = Set.copyOf(possible);
    }

    public static Reported definite(Set<Integer> committed) {
        return new Reported(Set.of(committed), null);
    }
}
