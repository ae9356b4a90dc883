/**
 * Which file a cited page or a clicked link of the Ask panel opens. Both come from KB content (a page
 * path in a query result, an href in a rendered answer), and a KB may come from anywhere, so the file
 * must be a regular file inside the KB's `wiki/` folder after following every symlink; anything else
 * opens nothing. No `vscode` import, so unit tests use it directly.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The 0-based line where page `pdfPage` starts in a long document's per-page JSON
 * (`[{"page": 3, "content": ...}]`, one key per line as OpenKB writes it); 0 when it is not found.
 */
export function jsonPageLine(text: string, pdfPage: number): number {
    const pattern = new RegExp(`"page"\\s*:\\s*${Math.trunc(pdfPage)}\\s*[,}]`);
    const lines = text.split('\n');
    const found = lines.findIndex((line) => pattern.test(line));
    return found < 0 ? 0 : found;
}

/** What a click asks for, once checked. */
export type LinkTarget = { kind: 'page'; file: string } | { kind: 'external'; url: string } | { kind: 'refused'; reason: string };

/** The real path of `file` when it is a regular file inside the real `wikiRoot`, else undefined. */
function insideWiki(wikiRoot: string, file: string): string | undefined {
    try {
        const root = fs.realpathSync(wikiRoot);
        const real = fs.realpathSync(file);
        const rel = path.relative(root, real);
        if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
            return undefined;
        }
        return fs.statSync(real).isFile() ? real : undefined;
    } catch {
        return undefined;
    }
}

/** A page path as the server writes it: segments of `wiki/`, no `.`/`..`, no backslash or NUL. */
function isPagePath(page: string): boolean {
    if (page.length === 0 || page.length > 1024 || /[\\\0]/.test(page) || page.startsWith('/')) {
        return false;
    }
    return page.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/**
 * The file of a cited page (`summaries/paper` → `<wiki>/summaries/paper.md`; a long document's source
 * page may be `sources/<doc>.json`); undefined when the path is not a page of this wiki.
 */
export function pageFile(wikiRoot: string, page: string): string | undefined {
    if (!isPagePath(page)) {
        return undefined;
    }
    const candidates = page.startsWith('sources/') ? [`${page}.md`, `${page}.json`] : [`${page}.md`];
    for (const candidate of candidates) {
        const found = insideWiki(wikiRoot, path.join(wikiRoot, ...candidate.split('/')));
        if (found !== undefined) {
            return found;
        }
    }
    return undefined;
}

/**
 * What a link clicked in a rendered answer opens: an http(s) URL in the browser (VS Code asks before
 * leaving for a domain the user has not trusted), or an href relative to `wiki/` (what the wikilink
 * plugin and relative Markdown links give) as a file of the wiki. The `#heading` part is dropped.
 */
export function linkTarget(wikiRoot: string, href: string): LinkTarget {
    if (/^https?:\/\//i.test(href)) {
        return { kind: 'external', url: href };
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/')) {
        return { kind: 'refused', reason: `the answer's link ${JSON.stringify(href)} does not lead to a page of this KB` };
    }
    const withoutFragment = href.replace(/[#?].*$/, '');
    let relative: string;
    try {
        relative = withoutFragment.split('/').map(decodeURIComponent).join('/');
    } catch {
        return { kind: 'refused', reason: `the answer's link ${JSON.stringify(href)} is not a valid path` };
    }
    const page = relative.replace(/\.md$/, '');
    const file = pageFile(wikiRoot, page);
    return file === undefined
        ? { kind: 'refused', reason: `the KB has no page ${relative} (or it lies outside the KB's wiki folder)` }
        : { kind: 'page', file };
}
