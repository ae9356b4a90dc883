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
    private Scenarios() {
    }

    public static List<Scenario> all() {
        return List.of(remove(), lintFix(), lintReport());
    }

    public static Scenario byName(String name) {
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
            public KbLayout build(Path dir) throws IOException {
                return builder.build(dir);
            }

            @Override
            public Set<Integer> run(KbService kb, Set<Integer> units) {
                if (units.isEmpty()) {
                    return Set.of();
                }
                op.apply(kb);
                return Set.of(0);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
