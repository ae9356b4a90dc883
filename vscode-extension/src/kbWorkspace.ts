import * as path from 'node:path';
import * as vscode from 'vscode';
import { HAS_KB_CONTEXT } from './commands/ids';
import { chooseKb, KB_CONFIG_GLOB, kbRootOfConfig } from './kbLocator';

/**
 * The knowledge bases in the open workspace (folders holding `.openkb/config.yaml`). Keeps the
 * `openkb.hasKb` context key current as KBs appear and disappear. Owned by the extension host thread.
 */
export class KbWorkspace implements vscode.Disposable {
    private roots: string[] = [];
    private readonly disposables: vscode.Disposable[] = [];

    constructor() {
        const watcher = vscode.workspace.createFileSystemWatcher(KB_CONFIG_GLOB);
        const rescan = (): void => {
            void this.scan();
        };
        this.disposables.push(
            watcher,
            watcher.onDidCreate(rescan),
            watcher.onDidDelete(rescan),
            vscode.workspace.onDidChangeWorkspaceFolders(rescan),
        );
    }

    get kbRoots(): readonly string[] {
        return this.roots;
    }

    async scan(): Promise<readonly string[]> {
        const configs = await vscode.workspace.findFiles(KB_CONFIG_GLOB, '**/node_modules/**');
        this.roots = [...new Set(configs.map((c) => kbRootOfConfig(c.fsPath)))].sort();
        await vscode.commands.executeCommand('setContext', HAS_KB_CONTEXT, this.roots.length > 0);
        return this.roots;
    }

    /**
     * The KB an operation on `targets` applies to (see {@link chooseKb}); asks when that is ambiguous.
     * Undefined when there is no KB or the user dismissed the choice.
     */
    async pick(targets: readonly vscode.Uri[], purpose: string): Promise<vscode.Uri | undefined> {
        const chosen = chooseKb(this.roots, targets.map((t) => t.fsPath));
        if (chosen !== undefined) {
            return vscode.Uri.file(chosen);
        }
        if (this.roots.length === 0) {
            void vscode.window.showErrorMessage(
                'There is no OpenKB knowledge base in this workspace. Run "OpenKB: Initialize Knowledge Base" first.',
            );
            return undefined;
        }
        const item = await vscode.window.showQuickPick(
            this.roots.map((root) => ({ label: path.basename(root), description: root })),
            { placeHolder: `Knowledge base to ${purpose}` },
        );
        return item === undefined ? undefined : vscode.Uri.file(item.description);
    }

    dispose(): void {
        for (const d of this.disposables) {
            d.dispose();
        }
    }
}
