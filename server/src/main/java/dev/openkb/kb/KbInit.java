package dev.openkb.kb;

import dev.openkb.engine.ErrorCode;
import dev.openkb.engine.KbException;
import dev.openkb.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code openkb init}: creates OpenKB's layout (reference 1). Crash-safe by construction: the
 * visible files are created only where absent, and {@code .openkb/} — the folder whose presence makes
 * a KB — is assembled under a temporary name and renamed into place last, so an interrupted init
 * leaves no half KB, and running init again finishes it. Stateless.
 */
public final class KbInit {
    public static final String INDEX_SEED = "# Knowledge Base Index\n\n## Documents\n\n## Concepts\n\n## Entities\n\n## Explorations\n";

    private final AtomicFiles files;

    public KbInit(AtomicFiles files) {
        this.files = files;
    }

    public KbLayout init(Path dir, String model, String language) throws IOException {
        return init(dir, model, language, null);
    }

    /** @param baseUrl written as {@code base_url} when not null (the caller validated it) */
    public KbLayout init(Path dir, String model, String language, String baseUrl) throws IOException {
        validate(model, "model", 100);
        validate(language, "language", 50);
        KbLayout l = new KbLayout(dir);
        if (Files.exists(l.openkbDir())) {
            throw new KbException(ErrorCode.KB_EXISTS, l.root(), "a knowledge base already exists here (.openkb/ found)");
        }
        if (Files.exists(l.root()) && !Files.isDirectory(l.root())) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, l.root(), "exists and is not a folder");
        }
        for (Path d : List.of(l.rawDir(), l.imagesDir(), l.summariesDir(), l.conceptsDir(), l.entitiesDir())) {
            files.createDirectories(d);
        }
        writeIfAbsent(l.agentsMd(), agentsMd());
        writeIfAbsent(l.indexMd(), INDEX_SEED);
        writeIfAbsent(l.logMd(), OperationLog.HEADER);

        Path tmp = l.root().resolve(".openkb.init-" + Long.toHexString(System.nanoTime()));
        files.createDirectories(tmp);
        KbConfig config = KbConfig.defaults().with("model", model).with("language", language);
        if (baseUrl != null) {
            validate(baseUrl, "base_url", 2000);
            config = config.with("base_url", baseUrl);
        }
        files.write(tmp.resolve("config.yaml"), config.toYaml().getBytes(StandardCharsets.UTF_8));
        files.write(tmp.resolve("hashes.json"), "{}\n".getBytes(StandardCharsets.UTF_8));
        files.write(tmp.resolve("ingest.lock"), new byte[0]);
        files.ops().rename(tmp, l.openkbDir());
        files.ops().syncDirectory(l.root());
        return l;
    }

    /** The schema text written to {@code wiki/AGENTS.md} and given to LLM prompts. */
    public static String agentsMd() {
        try (InputStream in = KbInit.class.getResourceAsStream("AGENTS.md")) {
            if (in == null) {
                throw new IllegalStateException("AGENTS.md resource missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled AGENTS.md", e);
        }
    }

    private void writeIfAbsent(Path p, String text) throws IOException {
        if (!Files.exists(p)) {
            files.write(p, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void validate(String v, String what, int max) {
        if (v == null || v.isBlank() || v.length() > max || v.chars().anyMatch(c -> c == '\n' || c == '\r' || c == '\t')) {
            throw new KbException(ErrorCode.INVALID_ARGUMENT, null,
                    what + " must be 1-" + max + " characters without tabs or line breaks");
        }
    }
}
