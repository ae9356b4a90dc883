package dev.openkb.reliability;

import java.util.List;

/**
 * One run whose KB broke an invariant: where (layer, scenario, crash point or fault), the seed of
 * its random damage if any, what was wrong, and the one command that replays it.
 */
public record Divergence(String layer, String scenario, String point, long seed, List<String> violations, String replay) {
    public Divergence {
        violations = List.copyOf(violations);
    }

    @Override
    public String toString() {
        return layer + " " + scenario + " at " + point + (seed != 0 ? " seed " + seed : "") + ": " + violations
                + "\n  replay: " + replay;
    }
}
