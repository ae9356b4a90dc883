import * as vscode from 'vscode';
import { formatLintSummary } from '../progress';
import { CommandContext, errorText, targetAndServer } from './context';

/**
 * "OpenKB: Lint Knowledge Base". The server publishes the findings as diagnostics, so they land in the
 * Problems panel; this command only starts the lint and sums it up.
 */
export async function lintCommand(ctx: CommandContext, target?: unknown): Promise<void> {
    const chosen = await targetAndServer(ctx, 'lint', target instanceof vscode.Uri ? target : undefined);
    if (chosen === undefined) {
        return;
    }
    const { target: uri, api } = chosen;
    try {
        const result = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: 'Linting the OpenKB knowledge base…' },
            () => api.lint(uri.toString()),
        );
        const summary = `OpenKB: ${formatLintSummary(result)}`;
        ctx.output.appendLine(`lint ${uri.fsPath}: ${summary}`);
        if (result.findings.length === 0) {
            void vscode.window.showInformationMessage(summary);
        } else {
            // Not awaited: the notification may stay open long after the lint is over.
            void Promise.resolve(vscode.window.showWarningMessage(summary, 'Open Problems')).then((choice) =>
                choice === undefined ? undefined : vscode.commands.executeCommand('workbench.actions.view.problems'),
            );
        }
    } catch (error) {
        void vscode.window.showErrorMessage(`OpenKB could not lint ${uri.fsPath}: ${errorText(error)}`);
    }
}
