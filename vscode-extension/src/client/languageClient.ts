import * as readline from 'node:readline';
import type { Readable } from 'node:stream';
import * as vscode from 'vscode';
import { ErrorHandler, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { ServerCommand } from '../server/javaLauncher';
import { CONFIG_SECTION, OpenKbSettings, toServerSettings } from '../settings';
import { ServerStderrLevels } from './serverStderr';

export const CLIENT_ID = 'openkb';
export const CLIENT_NAME = 'OpenKB';

/** Wiki pages: the documents the server lints and offers links, completion and hover for. */
export const WIKI_PAGE_SELECTOR = [{ scheme: 'file', language: 'markdown', pattern: '**/wiki/**' }];

/**
 * The language client of the OpenKB server over stdio. `debug` runs when the extension host is debugged
 * (its JVM then listens for a debugger).
 */
export function createLanguageClient(
    run: ServerCommand,
    debug: ServerCommand,
    settings: OpenKbSettings,
    output: vscode.LogOutputChannel,
    errorHandler: ErrorHandler,
): LanguageClient {
    const serverOptions: ServerOptions = {
        run: { command: run.command, args: run.args, transport: TransportKind.stdio },
        debug: { command: debug.command, args: debug.args, transport: TransportKind.stdio },
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: WIKI_PAGE_SELECTOR,
        outputChannel: output,
        errorHandler,
        stdioOptions: { stdout: forwardLines(() => 'info'), stderr: forwardStderr },
        initializationOptions: { settings: toServerSettings(settings) },
        synchronize: {
            configurationSection: CONFIG_SECTION,
            fileEvents: vscode.workspace.createFileSystemWatcher('**/wiki/**/*.md'),
        },
    };
    return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}

/** Forwards each line of `input` to the output channel at the level `levelOf` gives it. */
function forwardLines(levelOf: (line: string) => 'error' | 'warn' | 'info' | 'debug' | 'trace') {
    return (input: Readable, output: vscode.LogOutputChannel): void => {
        readline.createInterface({ input, crlfDelay: Infinity, terminal: false }).on('line', (line) => output[levelOf(line)](line));
    };
}

/**
 * The server's stderr at the level of each log record (the client's default marks every line `[error]`,
 * so ordinary INFO logging looked like failures). One classifier per server process.
 */
function forwardStderr(input: Readable, output: vscode.LogOutputChannel): void {
    const levels = new ServerStderrLevels();
    forwardLines((line) => levels.level(line))(input, output);
}
