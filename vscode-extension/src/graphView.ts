/**
 * "OpenKB: Show Graph": the graph page `openkb visualize` writes, made fit for a webview, and the
 * check of what the webview asks to open. No `vscode` import, so both are unit-tested as plain data.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The graph page with a Content-Security-Policy that lets only its own inline script run (by nonce)
 * and loads nothing from anywhere: the page is generated from the wiki, which may come from anyone.
 */
export function graphWebviewHtml(html: string, nonce: string): string {
    if (!/^[A-Za-z0-9]+$/.test(nonce)) {
        throw new Error('a nonce is letters and digits');
    }
    const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}';">`;
    const withCsp = html.replace(/<head>/i, `<head>\n${csp}`);
    // The page's one executable script; the data block (type="application/json") is never run.
    return withCsp.replace(/<script>/g, `<script nonce="${nonce}">`);
}

/** What the graph page posts when a node is clicked. */
export interface OpenMessage {
    type: 'open';
    id: string;
}

const PAGE_ID = /^(summaries|concepts|entities)\/[^/\\]+$/;

/**
 * The file of the page a webview message names, or undefined when the message is not a request to
 * open one of the graph's kinds of page, or names a file that is missing, not a regular file, or is
 * reached through a symlink: the page's script runs on wiki text, so its messages are checked like input.
 */
export function graphPagePath(kbRoot: string, message: unknown): string | undefined {
    if (typeof message !== 'object' || message === null) {
        return undefined;
    }
    const m = message as Partial<OpenMessage>;
    if (m.type !== 'open' || typeof m.id !== 'string' || !PAGE_ID.test(m.id) || m.id.split('/')[1].startsWith('.')) {
        return undefined;
    }
    const wiki = path.join(kbRoot, 'wiki');
    const file = path.join(wiki, `${m.id}.md`);
    if (path.relative(wiki, file).startsWith('..')) {
        return undefined;
    }
    try {
        for (const p of [path.dirname(file), file]) {
            const st = fs.lstatSync(p);
            if (st.isSymbolicLink()) {
                return undefined;
            }
        }
        return fs.lstatSync(file).isFile() ? file : undefined;
    } catch {
        return undefined;
    }
}
