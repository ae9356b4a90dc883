import * as vscode from 'vscode';
import { OpenKbApi } from '../client/openKbApi';
import { formatRemovePlan, formatRemoveSummary } from '../progress';
import { CommandContext, errorText, refreshPending, targetAndServer } from './context';

/** What the Documents view hands a command: a document of a KB. */
function isDocumentRef(x: unknown): x is { kbRoot: string; docName: string } {
    return typeof x === 'object' && x !== null && typeof (x as { kbRoot?: unknown }).kbRoot === 'string'
        && typeof (x as { docName?: unknown }).docName === 'string';
}

async function pickDocument(api: OpenKbApi, kb: vscode.Uri): Promise<string | undefined> {
    const { documents } = await api.documents(kb.toString());
    if (documents.length === 0) {
        void vscode.window.showInformationMessage('OpenKB: the knowledge base holds no documents.');
        return undefined;
    }
    const item = await vscode.window.showQuickPick(
        documents.map((d) => ({ label: d.name, description: d.docName, detail: d.type })),
        { placeHolder: 'Document to remove from the knowledge base', matchOnDescription: true },
    );
    return item?.description;
}

/**
 * "OpenKB: Remove Document from Knowledge Base": pick a document, preview the server's dry-run plan in a
 * modal confirmation, then remove.
 */
export async function removeCommand(ctx: CommandContext, clicked?: unknown): Promise<void> {
    // From the Documents view: the document right-clicked, in its KB; from the palette: asked.
    const fromView = isDocumentRef(clicked) ? clicked : undefined;
    const chosen = await targetAndServer(ctx, 'remove a document from', fromView && vscode.Uri.file(fromView.kbRoot));
    if (chosen === undefined) {
        return;
    }
    const { target: kb, api } = chosen;
    try {
        const docName = fromView?.docName ?? (await pickDocument(api, kb));
        if (docName === undefined) {
            return;
        }
        const plan = await api.remove({ docName, kb: kb.toString(), dryRun: true });
        const confirmed = await vscode.window.showWarningMessage(
            `Remove "${docName}" from the knowledge base?`,
            { modal: true, detail: formatRemovePlan(plan).join('\n') },
            'Remove',
        );
        if (confirmed !== 'Remove') {
            return;
        }
        const result = await api.remove({ docName, kb: kb.toString(), dryRun: false });
        const summary = formatRemoveSummary(result);
        ctx.output.appendLine(`remove: ${summary}`);
        formatRemovePlan(result).forEach((line) => ctx.output.appendLine(`  ${line}`));
        void vscode.window.showInformationMessage(`OpenKB: ${summary}`);
    } catch (error) {
        void vscode.window.showErrorMessage(`OpenKB could not remove the document: ${errorText(error)}`);
    } finally {
        await refreshPending(ctx, api);
    }
}
