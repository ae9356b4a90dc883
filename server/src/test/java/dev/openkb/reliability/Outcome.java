package dev.openkb.reliability;

import java.util.Set;

/**
 * How one run of a scenario ended: crashed (nothing reported), or reported — the unit sets the
 * report is consistent with, the error it threw (null when it returned), and the engine's message
 * when a rollback failed and left its journal for recovery (null otherwise).
 */
public record Outcome(boolean crashed, Set<Set<Integer>> possible, Throwable error, String dirtyRollback) {
    public Outcome {
        possible = Set.copyOf(possible);
    }

    static Outcome crash() {
        return new Outcome(true, Set.of(), null, null);
    }

    static Outcome reported(Reported r) {
        return new Outcome(false, r.possible(), null, r.dirtyRollback());
    }

    static Outcome failed(Throwable error) {
        boolean dirty = error instanceof dev.openkb.engine.KbException k && k.code() == dev.openkb.engine.ErrorCode.DIRTY_ROLLBACK;
        return new Outcome(false, Set.of(Set.of()), error, dirty ? error.getMessage() : null);
    }

    boolean dirty() {
        return dirtyRollback != null;
    }

    /** True when the report says every unit committed (and nothing else is possible). */
    boolean fullSuccess(Set<Integer> all) {
        return !crashed && error == null && !dirty() && possible.equals(Set.of(all));
    }

    @Override
    public String toString() {
        return crashed ? "crashed" : (error != null ? "failed (" + error.getMessage() + "), " : "")
                + (dirty() && error == null ? "rollback failed (" + dirtyRollback + "), " : "") + "committed " + possible;
    }
}
