/**
 * Renders `[[target]]`, `[[target|alias]]` and `[[target#heading]]` as links in VS Code's Markdown
 * preview (a markdown-it plugin, returned from `activate` as `extendMarkdownIt`). A target is a wiki
 * page path without `.md` relative to the KB's `wiki/` folder (`concepts/attention`) or a bare page
 * name (`attention`), as OpenKB's lint resolves them. The link points at the page file relative to the
 * previewed document, so the preview opens it on click; a target with no page gets the class
 * `openkb-wikilink-missing`. No `vscode` or `markdown-it` import: VS Code passes its own instance.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The part of markdown-it's API the plugin uses. */
export interface MarkdownItLike {
    use(plugin: (md: any) => void): MarkdownItLike;
}

interface Token {
    attrSet(name: string, value: string): void;
    content: string;
    meta: { openkbWikilink?: Wikilink } | null;
}

type RenderRule = (tokens: Token[], idx: number, options: unknown, env: unknown, self: { renderToken(tokens: Token[], idx: number, options: unknown): string }) => string;

interface InlineState {
    src: string;
    pos: number;
    posMax: number;
    env: unknown;
    push(type: string, tag: string, nesting: number): Token;
}

/** A parsed `[[...]]`: the page, the heading after `#`, the text after `|`. */
export interface Wikilink {
    target: string;
    heading?: string;
    alias?: string;
}

/** The text between `[[` and `]]`, parsed; undefined when it names no page. */
export function parseWikilink(inner: string): Wikilink | undefined {
    const bar = inner.indexOf('|');
    const ref = (bar >= 0 ? inner.slice(0, bar) : inner).trim();
    const alias = bar >= 0 ? inner.slice(bar + 1).trim() : undefined;
    const hash = ref.indexOf('#');
    const target = (hash >= 0 ? ref.slice(0, hash) : ref).trim().replace(/^\/+|\/+$/g, '');
    const heading = hash >= 0 ? ref.slice(hash + 1).trim() : undefined;
    if (target.length === 0) {
        return undefined;
    }
    return { target, ...(heading ? { heading } : {}), ...(alias ? { alias } : {}) };
}

/** The `wiki/` folder of the KB that holds `file` (the nearest ancestor named wiki next to a `.openkb/`). */
export function wikiRootOf(file: string, exists: (p: string) => boolean = fs.existsSync): string | undefined {
    let dir = path.dirname(file);
    for (;;) {
        if (path.basename(dir) === 'wiki' && exists(path.join(path.dirname(dir), '.openkb'))) {
            return dir;
        }
        const parent = path.dirname(dir);
        if (parent === dir) {
            return undefined;
        }
        dir = parent;
    }
}

/** The folders a bare page name is looked up in, in this order (OpenKB's wiki layout). */
const PAGE_FOLDERS = ['', 'summaries', 'concepts', 'entities', 'explorations', 'reports', 'sources'];

/**
 * The page file a target names: `<wiki>/<target>.md` when it exists, else for a bare name the first
 * `<wiki>/<folder>/<name>.md`; undefined when there is none. Never a path outside the wiki folder.
 */
export function resolvePage(wikiRoot: string, target: string, exists: (p: string) => boolean = fs.existsSync): string | undefined {
    const candidates = [path.join(wikiRoot, `${target}.md`)];
    if (!target.includes('/')) {
        candidates.push(...PAGE_FOLDERS.slice(1).map((folder) => path.join(wikiRoot, folder, `${target}.md`)));
    }
    const inside = (p: string): boolean => {
        const rel = path.relative(wikiRoot, p);
        return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
    };
    return candidates.find((p) => inside(p) && exists(p));
}

/** The anchor VS Code's preview gives a heading: lower case, spaces to `-`, punctuation dropped. */
export function headingSlug(heading: string): string {
    return heading
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-');
}

/** The link's href and whether its page exists, for a link in the document at `currentFile` (if known). */
export function wikilinkHref(link: Wikilink, currentFile: string | undefined, exists: (p: string) => boolean = fs.existsSync): { href: string; found: boolean } {
    const fragment = link.heading ? `#${headingSlug(link.heading)}` : '';
    const wikiRoot = currentFile === undefined ? undefined : wikiRootOf(currentFile, exists);
    const page = wikiRoot === undefined ? undefined : resolvePage(wikiRoot, link.target, exists);
    if (page === undefined || currentFile === undefined) {
        // No page: still a link (to where a page of that name would be), styled as missing.
        const guess = wikiRoot === undefined || currentFile === undefined ? `${link.target}.md` : path.relative(path.dirname(currentFile), path.join(wikiRoot, `${link.target}.md`));
        return { href: encodeHref(guess) + fragment, found: false };
    }
    return { href: encodeHref(path.relative(path.dirname(currentFile), page)) + fragment, found: true };
}

function encodeHref(relative: string): string {
    return relative.split(path.sep).map(encodeURIComponent).join('/');
}

/** The previewed file from markdown-it's env (VS Code's preview puts the document's URI in `currentDocument`). */
function currentFileOf(env: unknown): string | undefined {
    const doc = (env as { currentDocument?: { scheme?: string; fsPath?: string } } | undefined)?.currentDocument;
    return doc?.scheme === 'file' && typeof doc.fsPath === 'string' ? doc.fsPath : undefined;
}

const OPEN = 0x5b; // [

/**
 * The markdown-it plugin: an inline rule before `link` (so `[[x]]` is not read as a reference link)
 * makes the tokens, and a `link_open` render rule resolves their href. Resolving needs the previewed
 * document, which VS Code's preview puts only in the env of the render (it parses with an empty env
 * and caches the tokens). The preview's own `link_open` rule, added after the plugins, copies `href`
 * into `data-href` (what a click follows) before calling this one, so both are set here.
 */
export function wikilinkPlugin(md: any): void {
    const previous: RenderRule | undefined = md.renderer.rules.link_open;
    const linkOpen: RenderRule = (tokens, idx, options, env, self) => {
        const link = tokens[idx].meta?.openkbWikilink;
        if (link !== undefined) {
            const { href, found } = wikilinkHref(link, currentFileOf(env));
            tokens[idx].attrSet('href', href);
            tokens[idx].attrSet('class', found ? 'openkb-wikilink' : 'openkb-wikilink openkb-wikilink-missing');
            tokens[idx].attrSet('title', found ? link.target : `${link.target} (no such page)`);
            tokens[idx].attrSet('data-href', href);
        }
        return previous ? previous(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
    };
    md.renderer.rules.link_open = linkOpen;
    md.inline.ruler.before('link', 'openkb_wikilink', (state: InlineState, silent: boolean): boolean => {
        const start = state.pos;
        if (state.src.charCodeAt(start) !== OPEN || state.src.charCodeAt(start + 1) !== OPEN) {
            return false;
        }
        const end = state.src.indexOf(']]', start + 2);
        if (end < 0 || end > state.posMax) {
            return false;
        }
        const inner = state.src.slice(start + 2, end);
        if (/[[\]\n]/.test(inner)) {
            return false;
        }
        const link = parseWikilink(inner);
        if (link === undefined) {
            return false;
        }
        if (!silent) {
            const open = state.push('link_open', 'a', 1);
            // A provisional href for renderers other than the one above; linkOpen replaces it.
            open.attrSet('href', encodeHref(`${link.target}.md`));
            open.meta = { openkbWikilink: link };
            const text = state.push('text', '', 0);
            text.content = link.alias ?? (link.heading ? `${link.target} › ${link.heading}` : link.target);
            state.push('link_close', 'a', -1);
        }
        state.pos = end + 2;
        return true;
    });
}
