package dev.openkb.reliability;

import java.util.Set;

/**
 * How one run of a scenario ended: crashed (nothing reported), or reported, with the units it
 * reported committed and the error it reported (null on full success).
 */
public record Outcome(boolean crashed, Set<Integer> committed, Throwable error) {
    public Outcome {
        committed = Set.copyOf(committed);
    }

    static Outcome crash() {
        return new Outcome(true, Set.of(), null);
    }

    static Outcome reported(Set<Integer> committed) {
        return new Outcome(false, committed, null);
    }

    static Outcome failed(Throwable error) {
        return new Outcome(false, Set.of(), error);
    }

    @Override
    public String toString() {
        return crashed ? "crashed" : error != null ? "failed (" + error.getMessage() + ")" : "committed " + committed;
    }
}
