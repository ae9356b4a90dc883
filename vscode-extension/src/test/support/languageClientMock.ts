/**
 * A stand-in for `vscode-languageclient/node` (which needs a running VS Code). Its LanguageClient records
 * how the extension built it and forwards requests and notifications over a real vscode-jsonrpc
 * connection to the test's {@link FakeServer}.
 */
import type { CancellationToken, Disposable, MessageConnection, ProgressType } from 'vscode-jsonrpc';
import { FakeServer } from './fakeServer';

export const ErrorAction = { Continue: 1, Shutdown: 2 } as const;
export const CloseAction = { DoNotRestart: 1, Restart: 2 } as const;
export const TransportKind = { stdio: 0, ipc: 1, pipe: 2, socket: 3 } as const;

export class ClientState {
    readonly clients: LanguageClient[] = [];
    startError: Error | undefined;
    constructor(readonly server: FakeServer) {}
}

export let clientState = new ClientState(new FakeServer());

export function resetClients(): ClientState {
    clientState.server.dispose();
    clientState = new ClientState(new FakeServer());
    return clientState;
}

export class LanguageClient {
    running = false;
    stopped = false;
    private connection: MessageConnection | undefined;

    constructor(
        readonly id: string,
        readonly name: string,
        readonly serverOptions: any,
        readonly clientOptions: any,
    ) {
        clientState.clients.push(this);
    }

    async start(): Promise<void> {
        if (clientState.startError !== undefined) {
            throw clientState.startError;
        }
        this.connection = clientState.server.connection;
        this.running = true;
    }

    async stop(): Promise<void> {
        this.running = false;
        this.stopped = true;
    }

    private live(): MessageConnection {
        if (this.connection === undefined || !this.running) {
            throw new Error('Client is not running');
        }
        return this.connection;
    }

    /** Forwards the arguments as given, as the real client does (a trailing undefined would become a param). */
    async sendRequest<R>(method: string, ...args: [unknown, CancellationToken?]): Promise<R> {
        return this.live().sendRequest<R>(method, ...args);
    }

    onNotification(method: string, handler: (params: any) => void): Disposable {
        return this.live().onNotification(method, handler);
    }

    onProgress<P>(type: ProgressType<P>, token: string | number, handler: (params: P) => void): Disposable {
        return this.live().onProgress(type, token, handler);
    }
}
