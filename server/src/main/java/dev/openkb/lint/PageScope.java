package dev.openkb.lint;

import java.util.Set;

/**
 * Which wiki pages each check looks at, exactly as OpenKB's {@code lint.py} scopes them, decided
 * from the wiki-relative key ({@code "concepts/foo"}, the page path without {@code wiki/} and
 * {@code .md}). Stateless.
 */
public final class PageScope {
    /** OpenKB's {@code _EXCLUDED_FILES}, matched by file name at any depth. */
    public static final Set<String> EXCLUDED_NAMES = Set.of("AGENTS.md", "SCHEMA.md", "log.md");
    /** OpenKB's {@code PAGE_CONTENT_DIRS}. */
    public static final Set<String> CONTENT_DIRS = Set.of("summaries", "concepts", "entities");

    private PageScope() {
    }

    /** "wiki/concepts/foo.md" gives "concepts/foo". */
    public static String keyOf(String relPath) {
        return relPath.substring(5, relPath.length() - 3);
    }

    /** "concepts/foo" gives "wiki/concepts/foo.md". */
    public static String relPathOf(String key) {
        return "wiki/" + key + ".md";
    }

    /** True for a KB-relative path of a markdown file under {@code wiki/}. */
    public static boolean isWikiPage(String relPath) {
        return relPath.startsWith("wiki/") && relPath.endsWith(".md") && relPath.length() > 8;
    }

    static String stemOf(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    static String fileName(String key) {
        return stemOf(key) + ".md";
    }

    static String firstDir(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? "" : key.substring(0, slash);
    }

    /** Broken-link, frontmatter and OKF checks: not an excluded name, not under reports/ or sources/. */
    public static boolean isLintScanned(String key) {
        String first = firstDir(key);
        return !EXCLUDED_NAMES.contains(fileName(key)) && !first.equals("reports") && !first.equals("sources");
    }

    /**
     * Orphan candidates, whose links are also the only ones that count as incoming: not named
     * index.md (at any depth), not an excluded name, no {@code sources} folder on the path, and not a
     * lint report under {@code reports/}. OpenKB counts reports: every report it writes is then an
     * orphan in the next lint, and the {@code [[links]]} a report quotes hide real orphans. Here a
     * report is the linter's output, not a page of the wiki.
     */
    public static boolean isOrphanCandidate(String key) {
        String name = fileName(key);
        return !name.equals("index.md") && !EXCLUDED_NAMES.contains(name)
                && !(key.startsWith("sources/") || key.contains("/sources/")) && !firstDir(key).equals("reports");
    }

    /** Pages whose text the index reads and parses; the others are only known to exist. */
    public static boolean isParsed(String key) {
        return isLintScanned(key) || isOrphanCandidate(key);
    }

    /** Pages the OKF check requires {@code type} and {@code description} of. */
    public static boolean isOkfChecked(String key) {
        return isLintScanned(key) && CONTENT_DIRS.contains(firstDir(key));
    }

    /** Pages index.md must mention: direct children of summaries/, concepts/, entities/. */
    public static boolean isIndexListed(String key) {
        int slash = key.indexOf('/');
        return slash > 0 && key.indexOf('/', slash + 1) < 0 && CONTENT_DIRS.contains(key.substring(0, slash));
    }

    /**
     * Pages a bare {@code [[stem]]} can name (our bare-stem policy, see {@link WikiIndex}): all but
     * those under sources/ and reports/, which are reached by their path only, so that a document's
     * {@code sources/x.md} never makes {@code [[x]]} ambiguous with its {@code summaries/x.md}.
     */
    public static boolean isStemTarget(String key) {
        String first = firstDir(key);
        return !first.equals("sources") && !first.equals("reports");
    }
}
