import * as crypto from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { graphPagePath, graphWebviewHtml } from '../graphView';
import { CommandContext, errorText } from './context';

/**
 * "OpenKB: Show Graph": runs the jar's `visualize --kb DIR --no-open` (the same graph.html a terminal
 * user gets) and shows it in a webview; clicking a node opens its page beside the graph.
 */
export async function showGraphCommand(ctx: CommandContext): Promise<void> {
    const kb = await ctx.kbs.pick([], 'show the graph of');
    if (kb === undefined) {
        return;
    }
    let html: string;
    try {
        const outcome = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: 'Drawing the OpenKB graph…' },
            () => ctx.server.cli(['visualize', '--kb', kb.fsPath, '--no-open']),
        );
        if (outcome === undefined) {
            return;
        }
        html = await fs.readFile(path.join(kb.fsPath, 'output', 'visualize', 'graph.html'), 'utf8');
    } catch (error) {
        void vscode.window.showErrorMessage(`OpenKB could not draw the graph of ${kb.fsPath}: ${errorText(error)}`);
        return;
    }
    const panel = vscode.window.createWebviewPanel(
        'openkb.graph',
        `OpenKB Graph: ${path.basename(kb.fsPath)}`,
        vscode.ViewColumn.Active,
        { enableScripts: true, localResourceRoots: [] },
    );
    panel.webview.html = graphWebviewHtml(html, crypto.randomBytes(16).toString('hex'));
    panel.webview.onDidReceiveMessage(async (message: unknown) => {
        const page = graphPagePath(kb.fsPath, message);
        if (page !== undefined) {
            await vscode.window.showTextDocument(vscode.Uri.file(page), { viewColumn: vscode.ViewColumn.Beside, preview: true });
        }
    });
}
