package dev.openkb.kb;

import java.nio.file.Path;

/**
 * The on-disk layout of one KB, exactly OpenKB's (reference section 1). All paths are absolute and
 * derived from the root; this class does no I/O. Immutable.
 */
public record KbLayout(Path root) {
    public static final String OPENKB_DIR = ".openkb";

    public KbLayout {
        root = root.toAbsolutePath().normalize();
    }

    public Path openkbDir() { return root.resolve(OPENKB_DIR); }
    public Path config() { return openkbDir().resolve("config.yaml"); }
    public Path hashes() { return openkbDir().resolve("hashes.json"); }
    public Path lockFile() { return openkbDir().resolve("ingest.lock"); }
    public Path journalDir() { return openkbDir().resolve("journal"); }
    public Path stagingDir() { return openkbDir().resolve("staging"); }
    public Path pageindexDb() { return openkbDir().resolve("pageindex.db"); }
    public Path envFile() { return root.resolve(".env"); }

    public Path rawDir() { return root.resolve("raw"); }
    public Path wikiDir() { return root.resolve("wiki"); }
    public Path agentsMd() { return wikiDir().resolve("AGENTS.md"); }
    public Path indexMd() { return wikiDir().resolve("index.md"); }
    public Path logMd() { return wikiDir().resolve("log.md"); }
    public Path sourcesDir() { return wikiDir().resolve("sources"); }
    public Path imagesDir() { return sourcesDir().resolve("images"); }
    public Path summariesDir() { return wikiDir().resolve("summaries"); }
    public Path conceptsDir() { return wikiDir().resolve("concepts"); }
    public Path entitiesDir() { return wikiDir().resolve("entities"); }
    public Path reportsDir() { return wikiDir().resolve("reports"); }
    public Path explorationsDir() { return wikiDir().resolve("explorations"); }

    public Path summary(String docName) { return summariesDir().resolve(docName + ".md"); }
    public Path sourceMd(String docName) { return sourcesDir().resolve(docName + ".md"); }
    public Path sourceJson(String docName) { return sourcesDir().resolve(docName + ".json"); }
    public Path docImages(String docName) { return imagesDir().resolve(docName); }
    public Path concept(String slug) { return conceptsDir().resolve(slug + ".md"); }
    public Path entity(String slug) { return entitiesDir().resolve(slug + ".md"); }

    /** The KB-relative POSIX form of {@code p} ("wiki/summaries/x.md"); p must be inside the root. */
    public String relative(Path p) {
        Path rel = root.relativize(p.toAbsolutePath().normalize());
        return rel.toString().replace('\\', '/');
    }

    /** True when {@code p}, normalised (no symlink resolution), lies inside the root. */
    public boolean contains(Path p) {
        return p.toAbsolutePath().normalize().startsWith(root);
    }
}
