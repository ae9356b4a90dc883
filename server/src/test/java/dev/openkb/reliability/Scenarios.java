package dev.openkb.reliability;

import static dev.openkb.testing.Fixtures.write;

import dev.openkb.engine.CancelToken;
import dev.openkb.kb.KbLayout;
import dev.openkb.lint.LintReport;
import dev.openkb.remove.RemoveOptions;
import dev.openkb.service.KbService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The scenarios of the suite, by name (the name is what a replay command gives). Stateless. */
public final class Scenarios {
    /** Scenarios cheap enough for every CI run at every crash point. */
    public static final List<String> FAST = List.of("remove", "lint-fix", "lint-report", "add-1", "add-2", "add-3", "recompile", "rename");

    private Scenarios() {
    }

    public static List<Scenario> all() {
        return List.of(remove(), lintFix(), lintReport(),
                AddScenario.of("add-1", false, "write-ahead-logging.md"),
                AddScenario.of("add-2", false, "write-ahead-logging.md", "recovery-checklist.docx"),
                AddScenario.of("add-3", true, "write-ahead-logging.md", "recovery-checklist.docx", "power-loss.pdf"),
                new RecompileScenario(), rename());
    }

    /** A {@code count}-file add of generated notes (the kill loop's workload). */
    public static Scenario notes(int count) {
        return AddScenario.notes("add-" + count, count);
    }

    public static Scenario byName(String name) {
        if (name.matches("add-\\d{2,}")) {
            return notes(Integer.parseInt(name.substring(4)));
        }
        return all().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scenario " + name + "; known: "
                        + all().stream().map(Scenario::name).toList()));
    }

    /** {@code remove paper}: deletes pages, images, raw file, a concept and an entity; rewrites shared pages, index, registry, log. */
    public static Scenario remove() {
        return single("remove", CompiledKb::twoDocuments,
                kb -> kb.remove("paper", RemoveOptions.defaults(), CancelToken.none()));
    }

    /** {@code lint --fix}: rewrites links to their repair candidate and demotes the rest, in several pages. */
    public static Scenario lintFix() {
        return single("lint-fix", dir -> {
            KbLayout kb = CompiledKb.twoDocuments(dir);
            write(kb.concept("broken-a"), CompiledKb.concept("Broken A", "paper")
                    + "\nSee [[Paper_Only]], [[concepts/gone|the gone one]] and [[concepts/AI_Agents#Intro]].\n");
            write(kb.concept("ai-agents"), CompiledKb.concept("Agents", "notes"));
            write(kb.summary("notes"), "---\ntype: \"Summary\"\ndescription: \"notes\"\n---\n\nLinks [[nowhere]] and [[attention]].\n");
            return kb;
        }, kb -> kb.fixLinks(CancelToken.none()));
    }

    /**
     * {@code rename concepts/paper-only → only-paper}: the page written under its new name and its old
     * file deleted, the links of another concept and of index.md rewritten, a log line.
     */
    public static Scenario rename() {
        return single("rename", CompiledKb::twoDocuments,
                kb -> kb.renamePage("concepts/paper-only", "only-paper", false, CancelToken.none()));
    }

    /** A lint report: {@code wiki/reports/lint_<ts>.md} and its log line, in one transaction (creates the reports folder). */
    public static Scenario lintReport() {
        return single("lint-report", CompiledKb::twoDocuments,
                kb -> kb.writeLintReport(LintReport.text(kb.lint(CancelToken.none())), CancelToken.none()));
    }

    @FunctionalInterface
    interface Builder {
        KbLayout build(Path dir) throws IOException;
    }

    private static Scenario single(String name, Builder builder, Function<KbService, Object> op) {
        return new Scenario() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public KbLayout build(Path kb, Path inputs) throws IOException {
                return builder.build(kb);
            }

            @Override
            public Reported run(KbService kb, Path inputs) {
                op.apply(kb); // a reported failure throws: nothing committed
                return Reported.definite(Set.of(0));
            }

            @Override
            public void reference(KbService kb, Path inputs, Set<Integer> units) {
                if (!units.isEmpty()) {
                    op.apply(kb);
                }
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
