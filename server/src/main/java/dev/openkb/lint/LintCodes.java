package dev.openkb.lint;

import java.util.List;

/**
 * The stable finding codes (they appear in JSON reports and LSP diagnostics: never rename one) and
 * the {@code data} keys each carries.
 */
public final class LintCodes {
    /** On the page: {@code link} (target as written), {@code target} (lookup key), {@code reason}
     *  ("missing" or "ambiguous"), optional {@code candidate}, {@code candidates} (comma-separated,
     *  when ambiguous), {@code alias}, {@code heading}. */
    public static final String BROKEN_LINK = "broken-link";
    /** On the page: {@code page} (its key). */
    public static final String ORPHAN_PAGE = "orphan-page";
    /** On {@code raw/<name>}: {@code file}, {@code docName}, {@code registered} ("true"/"false"). */
    public static final String MISSING_WIKI_ENTRY = "missing-wiki-entry";
    /** On wiki/index.md, which does not exist. */
    public static final String INDEX_MISSING = "index-missing";
    /** On wiki/index.md at the link's first occurrence: {@code link}, {@code target}, optional {@code candidate}. */
    public static final String INDEX_BROKEN_LINK = "index-broken-link";
    /** On wiki/index.md at the section heading: {@code page} (KB-relative), {@code link} (key), {@code section}. */
    public static final String INDEX_MISSING_PAGE = "index-missing-page";
    /** On the page at the bad YAML line: {@code error} (first line of the YAML error). */
    public static final String INVALID_FRONTMATTER = "invalid-frontmatter";
    /** On the page over its frontmatter block (or first line): {@code field} ("type" or "description"). */
    public static final String MISSING_OKF_FIELD = "missing-okf-field";

    /** Every code, in report order. */
    public static final List<String> ALL = List.of(BROKEN_LINK, ORPHAN_PAGE, MISSING_WIKI_ENTRY, INDEX_MISSING,
            INDEX_BROKEN_LINK, INDEX_MISSING_PAGE, INVALID_FRONTMATTER, MISSING_OKF_FIELD);

    private LintCodes() {
    }
}
