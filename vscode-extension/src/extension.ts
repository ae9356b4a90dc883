import * as vscode from 'vscode';
import { OpenKbServer } from './client/openKbServer';
import { registerCommands } from './commands';
import { CommandContext, refreshPending } from './commands/context';
import { API_KEY_SECRET } from './commands/ids';
import { KbWorkspace } from './kbWorkspace';
import { CONFIG_SECTION, readSettings } from './settings';
import { KbStatusBar } from './statusBar';
import { BacklinksView } from './views/backlinks';
import { DocumentsView } from './views/documents';
import { MarkdownItLike, wikilinkPlugin } from './wikilinks/markdownItWikilinks';

/**
 * The one server of this extension host. Module state because `deactivate` must await the client's
 * shutdown, and VS Code does not await disposables.
 */
let server: OpenKbServer | undefined;

/** What `activate` hands VS Code: the markdown-it plugin that renders `[[wikilinks]]` in the preview. */
export interface OpenKbExports {
    extendMarkdownIt(md: MarkdownItLike): MarkdownItLike;
}

/**
 * Activation: commands first (they work before the server is up), then the workspace's KBs, then the
 * server, which starts right away only when a KB is open (otherwise on the first command that needs it).
 */
export async function activate(context: vscode.ExtensionContext): Promise<OpenKbExports> {
    const output = vscode.window.createOutputChannel('OpenKB', { log: true });
    const status = new KbStatusBar();
    const kbs = new KbWorkspace();
    const settings = () => readSettings((key) => vscode.workspace.getConfiguration(CONFIG_SECTION).get(key));
    const isTrusted = (): boolean => vscode.workspace.isTrusted;
    const openKbServer = new OpenKbServer(context.extensionPath, output, status, settings, {
        apiKey: async () => context.secrets.get(API_KEY_SECRET),
        isTrusted,
        cdsDir: context.globalStorageUri?.fsPath, // absent only in hosts without global storage
    });
    server = openKbServer;
    const ctx: CommandContext = { server: openKbServer, kbs, status, output, settings, secrets: context.secrets, isTrusted, extensionPath: context.extensionPath };
    const backlinks = new BacklinksView(() => openKbServer.api(), () => kbs.kbRoots);
    const documents = new DocumentsView(() => openKbServer.api(), () => kbs.kbRoots);
    // The registry changes with every add and remove, from this editor or a terminal.
    const registry = vscode.workspace.createFileSystemWatcher('**/.openkb/hashes.json');

    context.subscriptions.push(
        output,
        status,
        kbs,
        ...registerCommands(ctx),
        vscode.window.registerTreeDataProvider('openkb.backlinks', backlinks),
        vscode.window.onDidChangeActiveTextEditor((editor) => backlinks.follow(editor?.document.uri)),
        vscode.workspace.onDidSaveTextDocument(() => backlinks.follow(undefined)),
        vscode.window.registerTreeDataProvider('openkb.documents', documents),
        registry,
        registry.onDidChange(() => documents.refresh()),
        registry.onDidCreate(() => documents.refresh()),
        vscode.workspace.onDidChangeConfiguration((event) => {
            if (OpenKbServer.needsRestart(event)) {
                void openKbServer.restart();
            }
        }),
        // The key and the trust are part of the server's environment and initializationOptions.
        context.secrets.onDidChange((event) => {
            if (event.key === API_KEY_SECRET) {
                void openKbServer.restart();
            }
        }),
        vscode.workspace.onDidGrantWorkspaceTrust(() => {
            output.appendLine('The workspace is trusted now: restarting the OpenKB server with LLM calls and recovery on.');
            void openKbServer.restart();
        }),
    );

    if ((await kbs.scan()).length > 0) {
        void openKbServer.api().then((api) => api && refreshPending(ctx, api));
    }
    return { extendMarkdownIt: (md) => md.use(wikilinkPlugin) };
}

export async function deactivate(): Promise<void> {
    const stopping = server;
    server = undefined;
    await stopping?.stop();
}
