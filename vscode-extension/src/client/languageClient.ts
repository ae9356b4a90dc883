import * as vscode from 'vscode';
import { ErrorHandler, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { ServerCommand } from '../server/javaLauncher';
import { forwardServerLog } from '../server/serverLog';
import { CONFIG_SECTION, OpenKbSettings, toServerSettings } from '../settings';
import { saveAfterMove } from './renameSave';
import { wikilinkRenameMiddleware } from './wikilinkRename';

export const CLIENT_ID = 'openkb';
export const CLIENT_NAME = 'OpenKB';

/** Wiki pages: the documents the server lints and offers links, completion and hover for. */
export const WIKI_PAGE_SELECTOR = [{ scheme: 'file', language: 'markdown', pattern: '**/wiki/**' }];

/** How the server process is started: the command lines, its environment, and whether the workspace is trusted. */
export interface ServerLaunch {
    run: ServerCommand;
    /** Used when the extension host is debugged (the JVM then listens for a debugger). */
    debug: ServerCommand;
    /** The server's whole environment (it carries LLM_API_KEY when a key is stored). */
    env: NodeJS.ProcessEnv;
    /**
     * False in a restricted workspace: sent as `initializationOptions.workspaceTrusted`, so the server
     * neither recovers a KB on its own at initialize nor calls an LLM.
     */
    workspaceTrusted: boolean;
}

/**
 * The server options vscode-languageclient spawns from. With `TransportKind.stdio` it appends `--stdio`
 * to a command's `args` (`--clientProcessId=<pid>` only to Node modules it forks): the full command
 * line is `java <vm args> -jar <jar> lsp --stdio`, checked against the real client in serverLaunch.test.
 */
export function serverOptions(launch: ServerLaunch): ServerOptions {
    const executable = (c: ServerCommand) => ({ command: c.command, args: c.args, transport: TransportKind.stdio, options: { env: launch.env } });
    return { run: executable(launch.run), debug: executable(launch.debug) };
}

/** The language client of the OpenKB server over stdio. */
export function createLanguageClient(
    launch: ServerLaunch,
    settings: OpenKbSettings,
    output: vscode.LogOutputChannel,
    errorHandler: ErrorHandler,
): LanguageClient {
    const clientOptions: LanguageClientOptions = {
        documentSelector: WIKI_PAGE_SELECTOR,
        outputChannel: output,
        // The server logs to stderr; each line keeps its level instead of all showing as [error].
        stdioOptions: {
            stdout: (input, channel) => forwardServerLog(input, channel),
            stderr: (input, channel) => forwardServerLog(input, channel),
        },
        errorHandler,
        initializationOptions: { settings: toServerSettings(settings), workspaceTrusted: launch.workspaceTrusted },
        middleware: {
            // F2 on a [[wikilink]] never falls through to the Markdown extension's rename (see wikilinkRename).
            prepareRename: wikilinkRenameMiddleware.prepareRename,
            provideRenameEdits: wikilinkRenameMiddleware.provideRenameEdits,
            workspace: {
                // The links an Explorer rename rewrites are saved once the move is done (see saveAfterMove).
                willRenameFiles: async (event, next) => {
                    const edit = await next(event);
                    if (edit) {
                        saveAfterMove(event.files, edit);
                    }
                    return edit;
                },
            },
        },
        synchronize: {
            configurationSection: CONFIG_SECTION,
            fileEvents: vscode.workspace.createFileSystemWatcher('**/wiki/**/*.md'),
        },
    };
    return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions(launch), clientOptions);
}
