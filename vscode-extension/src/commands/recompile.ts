import * as vscode from 'vscode';
import { CommandContext, errorText, refreshPending } from './context';

/**
 * "Recompile Document" on a document of the Documents view: the compiler runs again on it, in its own
 * journaled transaction (a failure keeps its pages as they were).
 */
export async function recompileCommand(ctx: CommandContext, clicked: unknown): Promise<void> {
    const doc = clicked as { kbRoot?: unknown; docName?: unknown } | undefined;
    if (typeof doc?.kbRoot !== 'string' || typeof doc.docName !== 'string') {
        return;
    }
    const api = await ctx.server.api();
    if (api === undefined) {
        return;
    }
    try {
        const r = await api.recompile(doc.docName, vscode.Uri.file(doc.kbRoot).toString());
        const skipped = r.documents.find((d) => d.status !== 'recompiled');
        const text = r.recompiled === 1 ? `OpenKB: recompiled ${doc.docName}.`
            : `OpenKB: ${doc.docName} was not recompiled${skipped?.reason ? `: ${skipped.reason}` : '.'}`;
        ctx.output.appendLine(text);
        void (r.recompiled === 1 ? vscode.window.showInformationMessage(text) : vscode.window.showWarningMessage(text));
    } catch (error) {
        void vscode.window.showErrorMessage(`OpenKB could not recompile ${doc.docName}: ${errorText(error)}`);
    } finally {
        await refreshPending(ctx, api);
    }
}
