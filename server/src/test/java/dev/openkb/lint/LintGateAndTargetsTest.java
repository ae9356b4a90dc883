package dev.openkb.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.wiki.KnownTargets;
import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** OpenKB's {@code test_lint_cli} gate and {@code test_whitelist_includes_entities}. */
class LintGateAndTargetsTest extends KbFixture {

    @Test
    void nothingToLintWithoutRegistryOrWithAnEmptyOne() throws Exception {
        assertTrue(LintGate.nothingToLint(kb.layout));
        kb.registry("{}");
        assertTrue(LintGate.nothingToLint(kb.layout));
        kb.registry("{\"a\": {\"name\": \"p.pdf\"}}");
        assertFalse(LintGate.nothingToLint(kb.layout));
        kb.registry("{");
        assertEquals(ErrorCode.CORRUPT_STATE, assertThrows(KbException.class, () -> LintGate.nothingToLint(kb.layout)).code());
    }

    @Test
    void knownTargetsListContentPagesAndIndexIncludingEntities() throws Exception {
        kb.page("concepts/a.md", "").page("summaries/s.md", "").page("entities/e.md", "").page("concepts/sub/deep.md", "")
                .page("explorations/x.md", "");
        assertEquals(Set.of("concepts/a", "summaries/s", "entities/e", "index"), KnownTargets.list(kb.layout));
        Files.delete(kb.layout.indexMd());
        assertFalse(KnownTargets.list(kb.layout).contains("index"));
    }

    @Test
    void updateRefusesPathsThatAreNotWikiPages() {
        WikiIndex index = kb.index();
        assertThrows(IllegalArgumentException.class,
                () -> Linter.update(Linter.lint(index), index, index, java.util.List.of("raw/a.pdf")));
    }
}
