/**
 * One real OpenKB server process, started exactly as the extension starts it (findJava +
 * buildServerCommand), spoken to through vscode-jsonrpc with the extension's own OpenKbApi. It records
 * what the server sends so tests can await it.
 */
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    CancellationToken,
    createMessageConnection,
    Disposable,
    MessageConnection,
    ProgressType,
    StreamMessageReader,
    StreamMessageWriter,
    Trace,
} from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { OpenKbApi, RpcChannel } from '../../client/openKbApi';
import { buildServerCommand } from '../../server/javaLauncher';
import { readSettings, toServerSettings } from '../../settings';

export const fileUri = (p: string): string => pathToFileURL(p).href;

export interface ProgressEvent {
    token: string | number;
    value: { kind: 'begin' | 'report' | 'end'; message?: string; percentage?: number; title?: string };
}

/** Resolves `promise`, or rejects after `ms` naming what did not happen. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class ServerSession {
    readonly api: OpenKbApi;
    /** Every `$/progress`, on the client's tokens and on server-created ones, in arrival order. */
    readonly progress: ProgressEvent[] = [];
    readonly createdTokens: Array<string | number> = [];
    readonly diagnostics = new Map<string, Diagnostic[]>();
    /** The connection's message trace ("Sending notification '$/cancelRequest'." ...). */
    readonly trace: string[] = [];
    private stderr = '';
    private diagnosticsWaiters: Array<() => void> = [];
    private readonly exited: Promise<number | null>;

    private constructor(
        readonly process: ChildProcess,
        readonly connection: MessageConnection,
        readonly initializeResult: InitializeResult,
    ) {
        this.exited = new Promise((resolve) => process.once('exit', (code) => resolve(code)));
        this.api = new OpenKbApi(this.recordingChannel());
        void connection.trace(Trace.Messages, { log: (message: string) => this.trace.push(message) });
    }

    /** Starts `java ... -jar <jar> lsp --stdio` in `kb` and completes the initialize handshake. */
    static async start(java: string, jar: string, kb: string): Promise<ServerSession> {
        const command = buildServerCommand(java, jar);
        // vscode-languageclient appends --stdio to an Executable's arguments: start the server exactly so.
        const child = spawn(command.command, [...command.args, '--stdio'], { cwd: kb, stdio: ['pipe', 'pipe', 'pipe'] });
        const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
        const early: { session?: ServerSession; stderr: string } = { stderr: '' };
        child.stderr!.on('data', (chunk: Buffer) => {
            early.stderr += chunk.toString();
            if (early.session) {
                early.session.stderr += chunk.toString();
            }
        });
        // Requests the server may send a client: answer as VS Code would.
        connection.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
            early.session?.createdTokens.push(params.token);
            return null;
        });
        connection.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
            params.items.map(() => toServerSettings(readSettings(() => undefined)).openkb),
        );
        connection.onRequest('workspace/workspaceFolders', () => [{ uri: fileUri(kb), name: path.basename(kb) }]);
        connection.onRequest(() => null); // registerCapability, showMessageRequest, ...
        connection.onUnhandledProgress((p) => early.session?.progress.push(p as ProgressEvent));
        connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
            early.session?.diagnostics.set(p.uri, p.diagnostics);
            early.session?.diagnosticsWaiters.forEach((w) => w());
        });
        connection.listen();

        const result = await within(
            connection.sendRequest<InitializeResult>('initialize', {
                processId: process.pid,
                clientInfo: { name: 'openkb-vscode-e2e' },
                rootUri: fileUri(kb),
                workspaceFolders: [{ uri: fileUri(kb), name: path.basename(kb) }],
                capabilities: {
                    window: { workDoneProgress: true },
                    workspace: { configuration: true, workspaceFolders: true },
                    textDocument: { publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true } },
                },
                initializationOptions: { settings: toServerSettings(readSettings(() => undefined)) },
            }),
            60_000,
            `initialize (server stderr so far: ${early.stderr})`,
        );
        await connection.sendNotification('initialized', {});
        const session = new ServerSession(child, connection, result);
        session.stderr = early.stderr;
        early.session = session;
        return session;
    }

    /** The connection as the extension's client code sees it, recording `$/progress` on its tokens too. */
    private recordingChannel(): RpcChannel {
        const c = this.connection;
        return {
            sendRequest: <R>(method: string, params: unknown, token?: CancellationToken) =>
                token === undefined ? c.sendRequest<R>(method, params) : c.sendRequest<R>(method, params, token),
            onNotification: (method: string, handler: (params: any) => void) => c.onNotification(method, handler),
            onProgress: <P>(type: ProgressType<P>, token: string | number, handler: (params: P) => void): Disposable =>
                c.onProgress(type, token, (value: P) => {
                    this.progress.push({ token, value: value as ProgressEvent['value'] });
                    handler(value);
                }),
        };
    }

    /** True when the client sent a notification of `method` (per the trace). */
    sentNotification(method: string): boolean {
        return this.trace.some((line) => line.startsWith(`Sending notification '${method}'`));
    }

    /** What the server wrote to stderr, for failure messages. */
    get log(): string {
        return this.stderr;
    }

    async open(file: string, text: string): Promise<string> {
        const uri = fileUri(file);
        await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
        return uri;
    }

    /** Resolves with the newest diagnostics of `uri` once they satisfy `test`. */
    diagnosticsOf(uri: string, test: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
        return new Promise((resolve) => {
            const check = (): boolean => {
                const d = this.diagnostics.get(uri);
                if (d !== undefined && test(d)) {
                    resolve(d);
                    return true;
                }
                return false;
            };
            if (!check()) {
                const waiter = (): void => {
                    if (check()) {
                        this.diagnosticsWaiters = this.diagnosticsWaiters.filter((w) => w !== waiter);
                    }
                };
                this.diagnosticsWaiters.push(waiter);
            }
        });
    }

    /** The end of the process, as the editor would cause it: SIGKILL, no shutdown. */
    async kill(): Promise<void> {
        this.process.kill('SIGKILL');
        await this.exited;
        this.connection.dispose();
    }

    /** shutdown + exit, as the LSP lifecycle ends; resolves with the exit code. */
    async shutdown(): Promise<number | null> {
        if (this.process.exitCode !== null || this.process.signalCode !== null) {
            return this.process.exitCode;
        }
        await within(this.connection.sendRequest('shutdown'), 30_000, 'the shutdown response');
        await this.connection.sendNotification('exit');
        const code = await within(this.exited, 30_000, 'the server process to exit after "exit"');
        this.connection.dispose();
        return code;
    }
}
