import * as vscode from 'vscode';
import { OFFLINE_MODEL } from '../settings';
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

/**
 * Creates a KB in `folder` with the model and endpoint of the settings: the offline compiler through the
 * server's `openkb/init`, any other model through the jar's `init DIR --model M [--base-url U]` (the
 * server's init creates offline KBs only; the server opens the new KB when its config.yaml appears).
 * True when the KB exists afterwards; the user has been told either way.
 */
export async function createKnowledgeBase(ctx: CommandContext, folder: vscode.Uri): Promise<boolean> {
    const { llmModel, llmBaseUrl } = ctx.settings();
    try {
        if (llmModel === OFFLINE_MODEL) {
            const api = await ctx.server.api();
            if (api === undefined) {
                return false;
            }
            await api.init(folder.toString());
        } else {
            const args = ['init', folder.fsPath, '--model', llmModel, ...(llmBaseUrl ? ['--base-url', llmBaseUrl] : [])];
            if ((await ctx.server.cli(args)) === undefined) {
                return false;
            }
        }
    } catch (error) {
        void vscode.window.showErrorMessage(`OpenKB could not create a knowledge base in ${folder.fsPath}: ${errorText(error)}`);
        return false;
    }
    ctx.output.appendLine(`init: created a knowledge base in ${folder.fsPath} (model: ${llmModel})`);
    await ctx.kbs.scan();
    void vscode.window.showInformationMessage(`OpenKB: created a knowledge base in ${folder.fsPath}.`);
    return true;
}

/** "OpenKB: Initialize Knowledge Base" (palette) and "Initialize Knowledge Base Here" (explorer folders). */
export async function initCommand(ctx: CommandContext, clicked?: unknown): Promise<void> {
    const folder = await targetFolder(clicked);
    if (folder !== undefined) {
        await createKnowledgeBase(ctx, folder);
    }
}

/**
 * Before the first add in a workspace without a KB: offers to create one in the workspace folder of
 * `targets` (else the only workspace folder, else a folder the user picks). True when one was created.
 */
export async function offerKnowledgeBase(ctx: CommandContext, targets: readonly vscode.Uri[]): Promise<boolean> {
    const folder = (targets.length > 0 ? vscode.workspace.getWorkspaceFolder(targets[0])?.uri : undefined) ?? (await targetFolder(undefined));
    if (folder === undefined) {
        return false;
    }
    const create = 'Create Knowledge Base';
    const choice = await vscode.window.showInformationMessage(
        `There is no OpenKB knowledge base in this workspace yet. Create one in ${folder.fsPath}?`,
        {
            modal: true,
            detail:
                'OpenKB keeps copies of the documents in raw/, the wiki it writes in wiki/ and its state in .openkb/. ' +
                `It compiles with the model of "openkb.llm.model" (now: ${ctx.settings().llmModel}).`,
        },
        create,
    );
    return choice === create && createKnowledgeBase(ctx, folder);
}
