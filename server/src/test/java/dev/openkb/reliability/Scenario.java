package dev.openkb.reliability;

import dev.openkb.kb.KbLayout;
import dev.openkb.service.KbService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * One KB mutation the torture suite crashes, faults and power-cuts. An operation commits one or
 * more units (the documents of an add, each in its own transaction; the document and the log line
 * of a recompile; one for remove or lint --fix). A crash may leave the KB after any prefix of its
 * units; a reported outcome names the unit sets it is consistent with, and the KB must then hold
 * exactly one of those. Input files live outside the KB, in one folder shared by every copy (the
 * registry records their paths).
 */
public interface Scenario {
    String name();

    /** Creates the KB the scenario starts from in {@code kb}, and its input files in {@code inputs}: the same bytes every time. */
    KbLayout build(Path kb, Path inputs) throws IOException;

    /** How many units the operation has. */
    default int units() {
        return 1;
    }

    /**
     * Runs the operation and returns what it reported. An operation that reports failure may simply
     * throw: the caller reads that as "nothing committed" (and a DIRTY_ROLLBACK error as a failed rollback).
     */
    Reported run(KbService kb, Path inputs) throws Exception;

    /** Brings a copy of the start KB to the state after exactly {@code units} (by default by running just those). */
    void reference(KbService kb, Path inputs, Set<Integer> units) throws Exception;

    /**
     * True when running unit k alone on the state after units 0..k-1 gives the state after 0..k (an
     * add of one more file): the prefix states can then be built one after the other in one KB.
     */
    default boolean incremental() {
        return false;
    }

    /** The unit sets a crash may leave: every prefix, in commit order. */
    default List<Set<Integer>> crashStates() {
        List<Set<Integer>> out = new ArrayList<>();
        for (int k = 0; k <= units(); k++) {
            out.add(Set.copyOf(IntStream.range(0, k).boxed().toList()));
        }
        return out;
    }
}
