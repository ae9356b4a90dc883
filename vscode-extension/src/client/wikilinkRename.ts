import * as vscode from 'vscode';
import type { PrepareRenameSignature, ProvideRenameEditsSignature } from 'vscode-languageclient';

/** A `[[...]]` on one line: the span of its target (what F2 renames) and the target itself. */
export interface WikilinkSpan {
    /** Column of the first `[`. */
    open: number;
    /** Column just after the closing `]]`. */
    close: number;
    /** Columns of the target: after `[[`, up to `#`, `|` or `]]`. */
    targetStart: number;
    targetEnd: number;
    target: string;
}

/**
 * The wikilink whose `[[...]]` holds column `character` of `line` (its brackets included), if any.
 * A link is `[[` up to the next `]]` on the same line, as the server reads them.
 */
export function wikilinkAt(line: string, character: number): WikilinkSpan | undefined {
    let from = 0;
    for (;;) {
        const open = line.indexOf('[[', from);
        if (open < 0 || open > character) {
            return undefined;
        }
        const end = line.indexOf(']]', open + 2);
        if (end < 0) {
            return undefined;
        }
        const close = end + 2;
        if (character <= close) {
            const inner = line.slice(open + 2, end);
            const cut = inner.search(/[#|]/);
            const target = cut < 0 ? inner : inner.slice(0, cut);
            return { open, close, targetStart: open + 2, targetEnd: open + 2 + target.length, target };
        }
        from = close;
    }
}

/** The page name a rename box offers for a link target: its last path segment (`concepts/x` → `x`). */
function pageName(target: string): string {
    return target.slice(target.lastIndexOf('/') + 1).trim();
}

function isCancellation(error: unknown): boolean {
    return error instanceof vscode.CancellationError || (error as { name?: string } | undefined)?.name === 'Canceled';
}

/**
 * F2 on a `[[wikilink]]` stays OpenKB's, so a rename never breaks the wiki. When a rename provider
 * refuses, VS Code asks the next one, and the built-in Markdown extension takes `[[concepts/x]]` for
 * the reference link `[concepts/x]`: it would rewrite the link's text alone (no file rename, the link
 * broken). So where the OpenKB server refuses on a wikilink (a summary page, a link to no page), this
 * middleware still claims the link: the rename box shows the page's name, and the rename then ends
 * with the server's reason in a warning and no edit at all. Off wikilinks the server's answer stands
 * (Markdown renames headings as usual). Before the server has started, VS Code knows only Markdown's
 * rename; nothing here can change that. Stateless; runs on the extension host thread.
 */
export const wikilinkRenameMiddleware = {
    async prepareRename(
        document: vscode.TextDocument,
        position: vscode.Position,
        token: vscode.CancellationToken,
        next: PrepareRenameSignature,
    ): Promise<vscode.Range | { range: vscode.Range; placeholder: string } | undefined | null> {
        let refusal: unknown;
        try {
            const answer = await next(document, position, token);
            if (answer) {
                return answer;
            }
        } catch (error) {
            if (isCancellation(error)) {
                throw error;
            }
            refusal = error;
        }
        const link = wikilinkAt(document.lineAt(position.line).text, position.character);
        if (!link || token.isCancellationRequested) {
            if (refusal !== undefined) {
                throw refusal;
            }
            return undefined;
        }
        return {
            range: new vscode.Range(position.line, link.targetStart, position.line, link.targetEnd),
            placeholder: pageName(link.target),
        };
    },

    async provideRenameEdits(
        document: vscode.TextDocument,
        position: vscode.Position,
        newName: string,
        token: vscode.CancellationToken,
        next: ProvideRenameEditsSignature,
    ): Promise<vscode.WorkspaceEdit | undefined | null> {
        let reason: string;
        let failure: unknown;
        try {
            const edit = await next(document, position, newName, token);
            if (edit) {
                return edit;
            }
            reason = 'no page to rename at this link';
        } catch (error) {
            if (isCancellation(error)) {
                throw error;
            }
            failure = error;
            reason = error instanceof Error ? error.message : String(error);
        }
        if (!wikilinkAt(document.lineAt(position.line).text, position.character)) {
            if (failure !== undefined) {
                throw failure;
            }
            return undefined;
        }
        void vscode.window.showWarningMessage(`OpenKB: nothing renamed: ${reason}`);
        return new vscode.WorkspaceEdit();
    },
};
