package dev.openkb.reliability;

import dev.openkb.kb.KbLayout;
import dev.openkb.service.KbService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * One KB mutation the torture suite crashes, faults and power-cuts: the KB it starts from, and the
 * operation. An operation commits one or more independent units (the documents of an add, each in
 * its own transaction; one for remove, lint --fix...), so the states a crash may leave are the
 * states after each prefix of its units, and the state after a reported outcome is the state after
 * exactly the units it reported committed.
 */
public interface Scenario {
    String name();

    /** Creates the KB the scenario starts from in {@code dir}: the same bytes every time. */
    KbLayout build(Path dir) throws IOException;

    /** How many independently committed units the operation has. */
    default int units() {
        return 1;
    }

    /**
     * Runs the operation on {@code units} (all of them for the scenario itself, fewer to build a
     * reference state) and returns the units it reported committed. A single-unit operation that
     * reports failure throws (a {@code KbException}); the caller reads that as "nothing committed".
     */
    Set<Integer> run(KbService kb, Set<Integer> units) throws Exception;
}
