package dev.openkb.reliability;

import dev.openkb.add.AddReport;
import dev.openkb.add.FileResult;
import dev.openkb.engine.CancelToken;
import dev.openkb.engine.FileStatus;
import dev.openkb.engine.ProgressListener;
import dev.openkb.io.RealFileOps;
import dev.openkb.kb.KbLayout;
import dev.openkb.service.KbService;
import dev.openkb.service.OpenKb;
import dev.openkb.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A real {@code add} of sample files (real converters, offline compiler, two prepare workers), one
 * unit per file. With {@code seeded}, the KB already holds a document, so the add also rewrites
 * pages, index, registry and log that exist. Immutable.
 */
final class AddScenario implements Scenario {
    private final String name;
    private final boolean seeded;
    private final List<String> samples;
    private final boolean generated;

    private AddScenario(String name, boolean seeded, List<String> samples, boolean generated) {
        this.name = name;
        this.seeded = seeded;
        this.samples = samples;
        this.generated = generated;
    }

    /** An add of files copied from docs/samples. */
    static AddScenario of(String name, boolean seeded, String... samples) {
        return new AddScenario(name, seeded, List.of(samples), false);
    }

    /** An add of {@code count} generated notes that share terms (so each commit also rewrites shared concept pages). */
    static AddScenario notes(String name, int count) {
        return new AddScenario(name, false, Notes.names(count), true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int units() {
        return samples.size();
    }

    @Override
    public boolean incremental() {
        return true;
    }

    @Override
    public KbLayout build(Path kb, Path inputs) throws IOException {
        KbLayout layout = Fixtures.kb(kb);
        if (generated) {
            Notes.write(inputs, samples);
        } else {
            Samples.copy(inputs, samples.toArray(String[]::new));
        }
        if (seeded) {
            List<Path> seed = Samples.copy(inputs.resolve("seed"), "fsync-notes.txt");
            try (OpenKb engine = new OpenKb(new RealFileOps(), w -> { }, Workbench.CLOCK)) {
                AddReport r = engine.kb(layout).add(seed, 1, ProgressListener.NONE, CancelToken.none());
                if (r.added() != 1) {
                    throw new IllegalStateException("seeding " + name + " failed: " + r.files());
                }
            }
        }
        return layout;
    }

    @Override
    public Reported run(KbService kb, Path inputs) throws IOException {
        AddReport r = add(kb, inputs, allUnits());
        String dirty = r.stoppedReason() != null && r.stoppedReason().contains("DIRTY_ROLLBACK") ? r.stoppedReason() : null;
        return new Reported(Set.of(added(r)), dirty);
    }

    @Override
    public void reference(KbService kb, Path inputs, Set<Integer> units) throws IOException {
        AddReport r = add(kb, inputs, units);
        if (!added(r).equals(units)) {
            throw new IllegalStateException(name + ": adding " + units + " gave " + r.files());
        }
    }

    /** Adds the given units' files (in sample order, two workers). */
    private AddReport add(KbService kb, Path inputs, Set<Integer> units) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            if (units.contains(i)) {
                files.add(inputs.resolve(samples.get(i)));
            }
        }
        return files.isEmpty() ? new AddReport(List.of(), List.of(), null) : kb.add(files, 2, ProgressListener.NONE, CancelToken.none());
    }

    /** The units the report says were added. */
    private Set<Integer> added(AddReport r) {
        Set<Integer> added = new HashSet<>();
        for (FileResult f : r.files()) {
            if (f.status() == FileStatus.ADDED) {
                added.add(samples.indexOf(f.file().getFileName().toString()));
            }
        }
        return added;
    }

    private Set<Integer> allUnits() {
        Set<Integer> all = new HashSet<>();
        for (int i = 0; i < samples.size(); i++) {
            all.add(i);
        }
        return all;
    }

    /** The input files of every unit, in order (what a command-line add is given). */
    List<Path> inputFiles(Path inputs) {
        return samples.stream().map(inputs::resolve).toList();
    }

    @Override
    public String toString() {
        return name;
    }
}
