package dev.openkb.lint;

import dev.openkb.kb.KbLayout;
import dev.openkb.testing.Journaled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A KB on disk for tests, laid out like OpenKB's {@code _make_wiki} fixture. */
final class TestKb {
    static final String SEED_INDEX = "# Index\n\n## Documents\n\n## Concepts\n";

    final KbLayout layout;

    TestKb(Path root) {
        this.layout = new KbLayout(root);
        for (String dir : List.of("wiki/sources", "wiki/summaries", "wiki/concepts", "wiki/reports", "raw", ".openkb")) {
            mkdirs(root.resolve(dir));
        }
        page("index.md", SEED_INDEX);
    }

    /** Writes {@code wiki/<wikiRel>}. */
    TestKb page(String wikiRel, String text) {
        write(layout.wikiDir().resolve(wikiRel), text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    TestKb delete(String wikiRel) {
        try {
            Files.delete(layout.wikiDir().resolve(wikiRel));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    TestKb raw(String name) {
        write(layout.rawDir().resolve(name), "raw bytes".getBytes(StandardCharsets.UTF_8));
        return this;
    }

    TestKb registry(String json) {
        write(layout.hashes(), json.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    String read(String wikiRel) {
        try {
            return Files.readString(layout.wikiDir().resolve(wikiRel));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WikiIndex index() {
        return WikiIndex.build(layout);
    }

    LintState lint() {
        return Linter.lint(index());
    }

    /** The findings of one code, sorted by path then range. */
    List<LintFinding> findings(String code) {
        return lint().all().stream().filter(f -> f.code().equals(code)).toList();
    }

    /** {@code lint --fix} as one real journaled mutation, as {@code KbService.fixLinks} runs it. */
    FixResult fix(List<Path> restrictTo) {
        return Journaled.run(layout, tx -> LinkFixer.fix(index(), layout, tx, restrictTo));
    }

    Path path(String wikiRel) {
        return layout.wikiDir().resolve(wikiRel);
    }

    private static void write(Path p, byte[] bytes) {
        try {
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void mkdirs(Path p) {
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
