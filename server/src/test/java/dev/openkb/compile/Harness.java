package dev.openkb.compile;

import dev.openkb.convert.DocKind;
import dev.openkb.engine.CancelToken;
import dev.openkb.kb.KbConfig;
import dev.openkb.kb.KbLayout;
import dev.openkb.lock.KbLock;
import dev.openkb.service.KbService;
import dev.openkb.service.OpenKb;
import dev.openkb.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Runs compiles the way the add pipeline does: publish the source, compile, in one journaled mutation. */
public final class Harness implements AutoCloseable {
    public final KbLayout kb;
    private final OpenKb engine = new OpenKb(w -> { });
    private final KbService service;

    public Harness(Path dir) throws IOException {
        this.kb = Fixtures.kb(dir);
        this.service = engine.kb(kb);
    }

    public KbConfig config() {
        return KbConfig.load(kb.config());
    }

    /** Publishes {@code sources/<doc>.md} and compiles it with {@code compiler}, as one mutation. */
    public CompileResult addShort(WikiCompiler compiler, String doc, String markdown) {
        return mutate(compiler, new CompileRequest(kb, config(), doc, DocKind.SHORT, null, null),
                Map.of(kb.sourceMd(doc), markdown));
    }

    public CompileResult mutate(WikiCompiler compiler, CompileRequest req, Map<Path, String> publish) {
        try (KbLock.Hold h = dev.openkb.service.KbInternals.lock(service).exclusive(CancelToken.none())) {
            return dev.openkb.service.KbInternals.runner(service).run("add", Map.of("doc_name", req.docName()), tx -> {
                for (Map.Entry<Path, String> e : publish.entrySet()) {
                    tx.writeString(e.getKey(), e.getValue());
                }
                return compiler.compile(req, tx);
            });
        }
    }

    public String read(String kbRelative) throws IOException {
        return Files.readString(kb.root().resolve(kbRelative), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        engine.close();
    }
}
