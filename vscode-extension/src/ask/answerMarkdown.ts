/**
 * Renders an answer of `openkb/query` (Markdown with `[[page]]` links, written from the KB's pages, so
 * untrusted) to the HTML the Ask panel shows. Raw HTML in the Markdown is escaped, not passed through
 * (`html: false`), and markdown-it's link check drops `javascript:`, `vbscript:`, `file:` and `data:`
 * links; the panel's Content-Security-Policy is the second wall (no inline or remote script runs).
 * `[[wikilinks]]` become links relative to the KB's `wiki/` folder, resolved as the Markdown preview
 * resolves them; the panel posts a clicked href back and the extension opens it (see askPages.ts).
 */
import * as path from 'node:path';
import { wikilinkPlugin } from '../wikilinks/markdownItWikilinks';

// markdown-it has no types in this project; the bundle includes it (esbuild follows the require).
// eslint-disable-next-line @typescript-eslint/no-var-requires
const MarkdownIt: new (options: object) => { use(plugin: (md: any) => void): unknown; render(src: string, env: object): string } = require('markdown-it');

/** One renderer per panel: markdown-it instances are reusable and not cheap to build. */
export class AnswerRenderer {
    private readonly md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });

    /** `wikiRoot`: the KB's `wiki/` folder, where relative hrefs of the output start. */
    constructor(private readonly wikiRoot: string) {
        this.md.use(wikilinkPlugin);
    }

    render(markdown: string): string {
        // The wikilink plugin resolves targets relative to the previewed document; a page directly in
        // wiki/ makes every href relative to wiki/ itself.
        return this.md.render(markdown, { currentDocument: { scheme: 'file', fsPath: path.join(this.wikiRoot, 'index.md') } });
    }
}
