/**
 * An in-process JSON-RPC peer for unit tests: the client side is a real vscode-jsonrpc connection, the
 * server side reads raw messages, so a test sees exactly what went over the wire (`$/cancelRequest`
 * included) and scripts the answers. The end-to-end tests use the real server instead.
 */
import { PassThrough } from 'node:stream';
import {
    createMessageConnection,
    Message,
    MessageConnection,
    NotificationMessage,
    RequestMessage,
    ResponseMessage,
    StreamMessageReader,
    StreamMessageWriter,
} from 'vscode-jsonrpc/node';

export type RequestHandler = (params: any, request: RequestMessage) => unknown;

/** Thrown by a handler to answer with a JSON-RPC error. */
export class RpcError extends Error {
    constructor(
        readonly code: number,
        message: string,
    ) {
        super(message);
    }
}

export class FakeServer {
    readonly received: Message[] = [];
    readonly connection: MessageConnection;
    private readonly writer: StreamMessageWriter;
    private readonly handlers = new Map<string, RequestHandler>();
    private waiters: Array<{ test: (m: Message) => boolean; resolve: (m: Message) => void }> = [];

    constructor() {
        const toServer = new PassThrough();
        const toClient = new PassThrough();
        this.writer = new StreamMessageWriter(toClient);
        new StreamMessageReader(toServer).listen((m) => this.receive(m));
        this.connection = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
        this.connection.listen();
        this.onRequest('openkb/status', () => ({ kb: '', documents: 0, pages: {}, pendingJournals: 0 }));
    }

    onRequest(method: string, handler: RequestHandler): void {
        this.handlers.set(method, handler);
    }

    /** The params of every request of `method` received so far. */
    requests(method: string): any[] {
        return this.received.filter((m) => (m as RequestMessage).method === method && 'id' in m).map((m) => (m as RequestMessage).params);
    }

    async notify(method: string, params: unknown): Promise<void> {
        await this.writer.write({ jsonrpc: '2.0', method, params } as NotificationMessage);
    }

    /** Resolves with the first received message (past or future) that passes `test`. */
    waitFor(test: (m: Message) => boolean): Promise<Message> {
        const seen = this.received.find(test);
        if (seen !== undefined) {
            return Promise.resolve(seen);
        }
        return new Promise((resolve) => this.waiters.push({ test, resolve }));
    }

    private receive(m: Message): void {
        this.received.push(m);
        const ready = this.waiters.filter((w) => w.test(m));
        this.waiters = this.waiters.filter((w) => !w.test(m));
        ready.forEach((w) => w.resolve(m));
        const request = m as RequestMessage;
        if (typeof request.method === 'string' && request.id !== undefined) {
            void this.answer(request);
        }
    }

    private async answer(request: RequestMessage): Promise<void> {
        const handler = this.handlers.get(request.method);
        let response: ResponseMessage;
        try {
            if (handler === undefined) {
                throw new RpcError(-32601, `Unhandled method ${request.method}`);
            }
            response = { jsonrpc: '2.0', id: request.id, result: (await handler(request.params, request)) ?? null };
        } catch (error) {
            const code = error instanceof RpcError ? error.code : -32603;
            response = { jsonrpc: '2.0', id: request.id, error: { code, message: (error as Error).message } };
        }
        await this.writer.write(response);
    }

    dispose(): void {
        this.connection.dispose();
    }
}
