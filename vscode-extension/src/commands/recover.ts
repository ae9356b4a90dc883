import * as vscode from 'vscode';
import { formatRecoverDetails, formatRecoverSummary } from '../progress';
import { CommandContext, errorText, refreshPending, reportWithDetails, targetAndServer } from './context';

/** "OpenKB: Recover Knowledge Base": rolls back interrupted changes and says what it did. */
export async function recoverCommand(ctx: CommandContext): Promise<void> {
    const chosen = await targetAndServer(ctx, 'recover');
    if (chosen === undefined) {
        return;
    }
    const { target: kb, api } = chosen;
    try {
        const result = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: 'Recovering the OpenKB knowledge base…' },
            () => api.recover(kb.toString()),
        );
        const summary = `OpenKB: ${formatRecoverSummary(result)}`;
        ctx.output.appendLine(`recover ${kb.fsPath}: ${summary}`);
        const troubled = result.gaveUp.length + result.errors.length > 0;
        reportWithDetails(ctx, summary, formatRecoverDetails(result), { warn: troubled, button: 'Show Details' });
        ctx.status.quarantine.fromRecover(kb, result.quarantined);
    } catch (error) {
        void vscode.window.showErrorMessage(`OpenKB could not recover ${kb.fsPath}: ${errorText(error)}`);
    } finally {
        await refreshPending(ctx, api);
    }
}
