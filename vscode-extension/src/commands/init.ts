import * as vscode from 'vscode';
import { CommandContext, errorText } from './context';

/** The folder to create a KB in: the one clicked, the only workspace folder, or the user's choice. */
async function targetFolder(clicked: unknown): Promise<vscode.Uri | undefined> {
    if (clicked instanceof vscode.Uri) {
        return clicked;
    }
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 1) {
        return folders[0].uri;
    }
    if (folders.length > 1) {
        const folder = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder to create the knowledge base in' });
        return folder?.uri;
    }
    const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Create Knowledge Base' });
    return picked?.[0];
}

/** "OpenKB: Initialize Knowledge Base Here". */
export async function initCommand(ctx: CommandContext, clicked?: unknown): Promise<void> {
    const folder = await targetFolder(clicked);
    const api = folder && (await ctx.server.api());
    if (!folder || !api) {
        return;
    }
    try {
        await api.init(folder.toString());
        ctx.output.appendLine(`init: created a knowledge base in ${folder.fsPath}`);
        await ctx.kbs.scan();
        void vscode.window.showInformationMessage(`OpenKB: created a knowledge base in ${folder.fsPath}.`);
    } catch (error) {
        void vscode.window.showErrorMessage(`OpenKB could not create a knowledge base in ${folder.fsPath}: ${errorText(error)}`);
    }
}
