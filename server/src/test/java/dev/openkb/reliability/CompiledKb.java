package dev.openkb.reliability;

import static dev.openkb.testing.Fixtures.write;

import dev.openkb.kb.KbLayout;
import dev.openkb.testing.Fixtures;
import dev.openkb.testing.TreeManifest;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A small KB that looks compiled (raw file, source, image, summary, concept and entity pages,
 * index, registry keyed by the raw file's real SHA-256), built without the compiler so the
 * scenarios that remove or lint do not depend on it. Stateless.
 */
final class CompiledKb {
    private CompiledKb() {
    }

    /** Two documents, "paper" and "notes", sharing a concept; paper alone owns a concept and an entity. */
    static KbLayout twoDocuments(Path dir) throws IOException {
        KbLayout kb = Fixtures.kb(dir);
        doc(kb, "paper", "paper.md", "# Paper\n\nAttention is all we need.\n");
        doc(kb, "notes", "notes.txt", "notes on storage\n");
        write(kb.concept("attention"), concept("Attention", "paper", "notes"));
        write(kb.concept("paper-only"), concept("Only in paper", "paper") + "\nSee [[concepts/attention]].\n");
        write(kb.concept("linker"), concept("Links to paper-only", "notes") + "\nUses [[concepts/paper-only]].\n");
        write(kb.entity("google-brain"), "---\nsources: [\"summaries/paper.md\"]\ntype: \"Organization\"\n"
                + "description: \"A lab.\"\n---\n\n## Related Documents\n\n- [[summaries/paper]]\n");
        write(kb.indexMd(), "# Knowledge Base Index\n\n## Documents\n- [[summaries/notes]] (short) — Notes.\n"
                + "- [[summaries/paper]] (short) — Paper.\n\n## Concepts\n- [[concepts/attention]] — A.\n"
                + "- [[concepts/paper-only]] — P.\n- [[concepts/linker]] — L.\n\n"
                + "## Entities\n- [[entities/google-brain]] (organization) — G.\n\n## Explorations\n");
        write(kb.logMd(), "# Operations Log\n\n## [2026-11-24 09:00:00] ingest | paper.md\n\n"
                + "## [2026-11-24 09:00:01] ingest | notes.txt\n\n");
        return kb;
    }

    private static void doc(KbLayout kb, String doc, String name, String raw) throws IOException {
        Path rawFile = write(kb.rawDir().resolve(name), raw);
        write(kb.sourceMd(doc), "# " + doc + "\n\n" + raw);
        write(kb.docImages(doc).resolve("img_001.png"), "png bytes of " + doc);
        write(kb.summary(doc), "---\ntype: \"Summary\"\ndescription: \"" + doc + "\"\ndoc_type: short\nfull_text: \"sources/"
                + doc + ".md\"\n---\n\nSummary of " + doc + ".\n");
        Fixtures.register(kb, TreeManifest.sha256(rawFile), doc, name);
    }

    static String concept(String description, String... docs) {
        return Fixtures.conceptPage(description, docs);
    }
}
