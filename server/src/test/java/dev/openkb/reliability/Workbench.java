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
    private final Path inputs;
    private final Manifests manifests;
    private final Map<Set<Integer>, Map<String, String>> states = new HashMap<>();
    private List<String> cleanOperations;

    public Workbench(Scenario scenario, Path work) throws IOException {
        this(scenario, work, Manifests.EXACT);
    }

    /** With another way of comparing KBs ({@link Manifests#TIMELESS} for runs on the wall clock). */
    public Workbench(Scenario scenario, Path work, Manifests manifests) throws IOException {
        this.scenario = scenario;
        this.manifests = manifests;
        this.work = Files.createDirectories(work.resolve(scenario.name()));
        this.template = this.work.resolve("template");
        this.inputs = this.work.resolve("inputs");
        deleteTree(template);
        deleteTree(inputs);
        Files.createDirectories(inputs);
        scenario.build(template, inputs);
        states.put(Set.of(), manifests.of(template));
    }

    public Scenario scenario() {
        return scenario;
    }

    public Path inputs() {
        return inputs;
    }

    public Manifests manifests() {
        return manifests;
    }

    public Set<Integer> allUnits() {
        return Set.copyOf(scenario.crashStates().get(scenario.crashStates().size() - 1));
    }

    /** The KB after exactly {@code committed} units (built by the scenario's reference run, cached). */
    public Map<String, String> state(Set<Integer> committed) throws IOException {
        Map<String, String> s = states.get(committed);
        if (s == null) {
            Path kb = copy("reference-" + new TreeSet<>(committed));
            try (OpenKb engine = new OpenKb(new RealFileOps(), w -> { }, CLOCK)) {
                scenario.reference(engine.kb(new KbLayout(kb)), inputs, committed);
            } catch (Exception e) {
                throw new IllegalStateException(scenario.name() + ": the reference run of " + committed + " failed", e);
            }
            s = manifests.of(kb);
            states.put(Set.copyOf(committed), s);
            deleteTree(kb);
        }
        return s;
    }

    /** The states a crash may leave (each prefix of the units). */
    public List<Map<String, String>> crashStates() throws IOException {
        if (scenario.incremental()) {
            buildPrefixesIncrementally();
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (Set<Integer> units : scenario.crashStates()) {
            out.add(state(units));
        }
        return out;
    }

    /** One KB, one unit at a time, a snapshot after each: n reference runs of one unit instead of n runs of up to n. */
    private void buildPrefixesIncrementally() throws IOException {
        List<Set<Integer>> prefixes = scenario.crashStates();
        if (prefixes.stream().allMatch(states::containsKey)) {
            return;
        }
        Path kb = copy("reference-prefixes");
        for (int k = 1; k < prefixes.size(); k++) {
            Set<Integer> next = new TreeSet<>(prefixes.get(k));
            next.removeAll(prefixes.get(k - 1));
            try (OpenKb engine = new OpenKb(new RealFileOps(), w -> { }, CLOCK)) {
                scenario.reference(engine.kb(new KbLayout(kb)), inputs, next);
            } catch (Exception e) {
                throw new IllegalStateException(scenario.name() + ": the reference run of unit " + next + " failed", e);
            }
            states.putIfAbsent(Set.copyOf(prefixes.get(k)), manifests.of(kb));
        }
        deleteTree(kb);
    }

    /** The states allowed after {@code o}: any crash state after a crash, else one per unit set the report allows. */
    public List<Map<String, String>> allowed(Outcome o) throws IOException {
        if (o.crashed()) {
            return crashStates();
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (Set<Integer> units : o.possible()) {
            out.add(state(units));
        }
        return out;
    }

    /** The file operations of one clean run of the whole scenario (their count is the number of crash points). */
    public List<String> cleanOperations() throws IOException {
        if (cleanOperations == null) {
            Path kb = copy("recording");
            FaultyFileOps ops = new FaultyFileOps();
            run(kb, ops);
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

    /** Runs the scenario through {@code ops}; a crash is whatever leaves {@code ops} crashed. */
    public Outcome run(Path kb, FileOps ops) {
        try (OpenKb engine = new OpenKb(ops, w -> { }, CLOCK)) {
            Reported r = scenario.run(engine.kb(new KbLayout(kb)), inputs);
            return crashed(ops) ? Outcome.crash() : Outcome.reported(r);
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
        return KbInvariants.check(new KbLayout(kb), allowed(o), manifests);
    }

    private static boolean crashed(FileOps ops) {
        return ops instanceof FaultyFileOps f && f.crashed();
    }

    public static void deleteTree(Path root) throws IOException {
        Fixtures.deleteTree(root);
    }
}
