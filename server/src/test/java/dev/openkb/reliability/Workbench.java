package dev.openkb.reliability;

import dev.openkb.engine.CancelToken;
import dev.openkb.engine.KbException;
import dev.openkb.io.FileOps;
import dev.openkb.io.RealFileOps;
import dev.openkb.journal.RecoveryReport;
import dev.openkb.kb.KbLayout;
import dev.openkb.service.OpenKb;
import dev.openkb.testing.FaultyFileOps;
import dev.openkb.testing.Fixtures;
import dev.openkb.testing.TreeManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * One scenario's bench: its template KB (built once), the reference states (the KB after each set
 * of committed units, computed on demand by a clean run and cached), fresh copies to crash, and runs
 * of the scenario or of recovery through a given {@link FileOps}. Every engine uses one fixed clock,
 * so runs are byte-for-byte comparable.
 *
 * <p>Threading: confined to one sweep's thread.
 */
public final class Workbench {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    private final Scenario scenario;
    private final Path work;
    private final Path template;
    private final Map<Set<Integer>, Map<String, String>> states = new HashMap<>();
    private List<String> cleanOperations;

    public Workbench(Scenario scenario, Path work) throws IOException {
        this.scenario = scenario;
        this.work = Files.createDirectories(work.resolve(scenario.name()));
        this.template = this.work.resolve("template");
        deleteTree(template);
        scenario.build(template);
        states.put(Set.of(), TreeManifest.ofKb(template));
    }

    public Scenario scenario() {
        return scenario;
    }

    public Set<Integer> allUnits() {
        return Set.copyOf(IntStream.range(0, scenario.units()).boxed().toList());
    }

    /** The KB after exactly {@code committed} units (a clean run of just those). */
    public Map<String, String> state(Set<Integer> committed) throws IOException {
        Map<String, String> s = states.get(committed);
        if (s == null) {
            Path kb = copy("reference-" + new TreeSet<>(committed));
            Outcome o = run(kb, new RealFileOps(), committed);
            if (!o.committed().equals(committed)) {
                throw new IllegalStateException(scenario.name() + ": a clean run of " + committed + " ended " + o);
            }
            s = TreeManifest.ofKb(kb);
            states.put(Set.copyOf(committed), s);
            deleteTree(kb);
        }
        return s;
    }

    /** The states a crash may leave: after each prefix of the units, in commit order. */
    public List<Map<String, String>> crashStates() throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        for (int k = 0; k <= scenario.units(); k++) {
            out.add(state(Set.copyOf(IntStream.range(0, k).boxed().toList())));
        }
        return out;
    }

    /** The states allowed after {@code o}: any prefix state after a crash, else exactly what it reported. */
    public List<Map<String, String>> allowed(Outcome o) throws IOException {
        return o.crashed() ? crashStates() : List.of(state(o.committed()));
    }

    /** The file operations of one clean run of the whole scenario (their count is the number of crash points). */
    public List<String> cleanOperations() throws IOException {
        if (cleanOperations == null) {
            Path kb = copy("recording");
            FaultyFileOps ops = new FaultyFileOps();
            run(kb, ops, allUnits());
            cleanOperations = ops.operations();
            deleteTree(kb);
        }
        return cleanOperations;
    }

    /** A fresh copy of the template under {@code runs/<name>}. */
    public Path copy(String name) throws IOException {
        return copyOf(template, name);
    }

    public Path copyOf(Path kb, String name) throws IOException {
        Path to = work.resolve("runs").resolve(name);
        deleteTree(to);
        Files.createDirectories(to.getParent());
        return Fixtures.copyTree(kb, to);
    }

    public Outcome run(Path kb, FileOps ops) {
        return run(kb, ops, allUnits());
    }

    /** Runs the scenario on {@code units} through {@code ops}; a crash is whatever leaves {@code ops} crashed. */
    public Outcome run(Path kb, FileOps ops, Set<Integer> units) {
        try (OpenKb engine = new OpenKb(ops, w -> { }, CLOCK)) {
            Set<Integer> committed = scenario.run(engine.kb(new KbLayout(kb)), units);
            return crashed(ops) ? Outcome.crash() : Outcome.reported(committed);
        } catch (FaultyFileOps.SimulatedCrash e) {
            return Outcome.crash();
        } catch (Exception e) {
            return crashed(ops) ? Outcome.crash() : Outcome.failed(e);
        }
    }

    /** Recovery as the next exclusive lock runs it, through {@code ops}; a simulated crash propagates. */
    public RecoveryReport recover(Path kb, FileOps ops) {
        try (OpenKb engine = new OpenKb(ops, w -> { }, CLOCK)) {
            return engine.kb(new KbLayout(kb)).recover(CancelToken.none());
        }
    }

    /** Recovers through {@code ops}, reporting a crash as false instead of throwing. */
    public boolean recoverOrCrash(Path kb, FileOps ops) {
        try {
            recover(kb, ops);
            return true;
        } catch (FaultyFileOps.SimulatedCrash e) {
            return false;
        } catch (KbException e) {
            if (crashed(ops)) {
                return false;
            }
            throw e;
        }
    }

    /** Recovers with healthy file operations, then checks every invariant against the states {@code o} allows. */
    public List<String> recoverAndCheck(Path kb, Outcome o) throws IOException {
        recover(kb, new RealFileOps());
        return KbInvariants.check(new KbLayout(kb), allowed(o));
    }

    private static boolean crashed(FileOps ops) {
        return ops instanceof FaultyFileOps f && f.crashed();
    }

    public static void deleteTree(Path root) throws IOException {
        Fixtures.deleteTree(root);
    }
}
