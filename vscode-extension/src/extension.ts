import * as vscode from 'vscode';
import { OpenKbServer } from './client/openKbServer';
import { registerCommands } from './commands';
import { CommandContext, refreshPending } from './commands/context';
import { KbWorkspace } from './kbWorkspace';
import { CONFIG_SECTION, readSettings } from './settings';
import { KbStatusBar } from './statusBar';

/**
 * The one server of this extension host. Module state because `deactivate` must await the client's
 * shutdown, and VS Code does not await disposables.
 */
let server: OpenKbServer | undefined;

/**
 * Activation: commands first (they work before the server is up), then the workspace's KBs, then the
 * server, which starts right away only when a KB is open (otherwise on the first command that needs it).
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const output = vscode.window.createOutputChannel('OpenKB', { log: true });
    const status = new KbStatusBar();
    const kbs = new KbWorkspace();
    const settings = () => readSettings((key) => vscode.workspace.getConfiguration(CONFIG_SECTION).get(key));
    const openKbServer = new OpenKbServer(context.extensionPath, output, status, settings);
    server = openKbServer;
    const ctx: CommandContext = { server: openKbServer, kbs, status, output, settings };

    context.subscriptions.push(
        output,
        status,
        kbs,
        ...registerCommands(ctx),
        vscode.workspace.onDidChangeConfiguration((event) => {
            if (OpenKbServer.needsRestart(event)) {
                void openKbServer.restart();
            }
        }),
    );

    if ((await kbs.scan()).length > 0) {
        void openKbServer.api().then((api) => api && refreshPending(ctx, api));
    }
}

export async function deactivate(): Promise<void> {
    const stopping = server;
    server = undefined;
    await stopping?.stop();
}
