package dev.openkb.add;

import dev.openkb.convert.DocKind;
import dev.openkb.io.AtomicFiles;
import dev.openkb.kb.KbTransaction;
import dev.openkb.kb.KbLayout;
import dev.openkb.kb.OperationLog;
import dev.openkb.kb.Registry;
import dev.openkb.kb.RegistryEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.nio.file.attribute.PosixFilePermission;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The body of one file's commit transaction: publish the staged files by rename → long-document
 * index and compile (the {@link DocumentCommitter}) → registry → log. Runs on the mutation thread
 * inside the transaction; any exception rolls the whole file back. The document's own files end no
 * more readable than the staged raw copy, which prepare made no more readable than the document
 * ({@link DocModes}). Stateless apart from its collaborators.
 */
final class DocumentCommit {
    private final KbLayout layout;
    private final AtomicFiles files;
    private final DocumentCommitter committer;
    private final Clock clock;

    DocumentCommit(KbLayout layout, AtomicFiles files, DocumentCommitter committer, Clock clock) {
        this.layout = layout;
        this.files = files;
        this.committer = committer;
        this.clock = clock;
    }

    void run(PreparedDoc doc, KbTransaction tx, Consumer<String> stage) throws IOException {
        String name = doc.docName();
        List<Path> expected = new ArrayList<>(List.of(layout.hashes(), layout.indexMd(), layout.logMd(),
                layout.summary(name), layout.sourceMd(name), layout.sourceJson(name)));
        List<Path> staged = stagedFiles(doc.stagingDir());
        for (Path s : staged) {
            expected.add(layout.root().resolve(doc.stagingDir().relativize(s).toString()));
        }
        tx.touch(expected); // one journal append for every path we know we will change
        // Read before publishing: publish gives a replaced file its old mode.
        Set<PosixFilePermission> ceiling = AtomicFiles.existingMode(doc.converted().stagedRaw());

        stage.accept("publish");
        Path images = layout.docImages(name);
        if (Files.isDirectory(images, LinkOption.NOFOLLOW_LINKS)) {
            tx.deleteTree(images); // a re-added document's old images must not linger next to the new ones
        }
        for (Path s : staged) {
            tx.publish(s, layout.root().resolve(doc.stagingDir().relativize(s).toString()));
        }
        Map<String, Object> extra = committer.commit(doc, tx, stage);
        List<Path> own = new ArrayList<>(List.of(layout.summary(name), layout.sourceMd(name), layout.sourceJson(name)));
        for (Path s : staged) {
            own.add(layout.root().resolve(doc.stagingDir().relativize(s).toString()));
        }
        DocModes.restrict(files.ops(), own, ceiling); // every path here was touched above

        stage.accept("registry");
        Registry fresh = Registry.load(layout).withoutDocName(name);
        String fileName = doc.file().path().getFileName().toString();
        for (RegistryEntry e : fresh.entries()) {
            if (!e.hash().equals(doc.hash()) && e.meta().get("doc_name") == null && fileName.equals(e.name())) {
                fresh = fresh.withoutHash(e.hash()); // converge an oldest-generation entry of the same file
            }
        }
        tx.write(layout.hashes(), fresh.with(doc.hash(), meta(doc, extra)).toJson().getBytes(StandardCharsets.UTF_8));

        stage.accept("log");
        OperationLog.append(tx, layout, LocalDateTime.now(clock), "ingest", fileName);
    }

    private Map<String, Object> meta(PreparedDoc doc, Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", doc.file().path().getFileName().toString());
        m.put("doc_name", doc.docName());
        m.put("type", doc.converted().registryType());
        m.put("path", doc.registryPath());
        m.put("raw_path", layout.relative(layout.root().resolve(doc.stagingDir().relativize(doc.converted().stagedRaw()).toString())));
        if (doc.converted().kind() == DocKind.SHORT) {
            m.put("source_path", layout.relative(layout.sourceMd(doc.docName())));
        }
        m.putAll(extra);
        return m;
    }

    /** Files under staging/raw and staging/wiki, in a stable order; the lease and private work files stay. */
    static List<Path> stagedFiles(Path staging) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String top : List.of("raw", "wiki")) {
            Path d = staging.resolve(top);
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.walk(d)) {
                    s.filter(Files::isRegularFile).sorted().forEach(out::add);
                }
            }
        }
        return out;
    }
}
