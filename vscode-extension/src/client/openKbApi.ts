import { randomUUID } from 'node:crypto';
import { ProgressType } from 'vscode-jsonrpc';
import type { CancellationToken, Disposable } from 'vscode-jsonrpc';
import {
    AddParams,
    AddResult,
    DocumentsResult,
    FileProgressParams,
    LintResult,
    Method,
    RecompileResult,
    ProgressToken,
    QueryParams,
    QueryResult,
    queryChunkText,
    RecoverResult,
    RemoveParams,
    RemoveResult,
    StatusResult,
} from '../protocol';

/**
 * What the client needs from a JSON-RPC connection. Both vscode-languageclient's `LanguageClient` (in the
 * editor) and vscode-jsonrpc's `MessageConnection` (in the end-to-end test) satisfy it, so the same
 * client code talks to the server in both places.
 */
export interface RpcChannel {
    sendRequest<R>(method: string, params: unknown, token?: CancellationToken): Promise<R>;
    onNotification(method: string, handler: (params: any) => void): Disposable;
    onProgress<P>(type: ProgressType<P>, token: ProgressToken, handler: (params: P) => void): Disposable;
}

/**
 * Typed calls of the OpenKB custom requests, one instance per connection. Owned by the thread that reads
 * the connection (the extension host's, or the test's); `fileProgressListeners` changes only there.
 */
export class OpenKbApi {
    private readonly fileProgressListeners = new Set<(params: FileProgressParams) => void>();

    constructor(readonly channel: RpcChannel) {
        // One handler for the whole connection: vscode-jsonrpc keeps only the newest handler of a method,
        // and the language client re-installs every handler ever registered after a restart. Listeners
        // of single adds come and go in the set instead.
        channel.onNotification(Method.fileProgress, (params: FileProgressParams) => {
            for (const listener of [...this.fileProgressListeners]) {
                listener(params);
            }
        });
    }

    /**
     * Passes the token only when there is one: vscode-jsonrpc treats a trailing `undefined` as a second
     * parameter and would send the params as the array `[params, null]`.
     */
    private request<R>(method: string, params: object, token?: CancellationToken): Promise<R> {
        return token === undefined ? this.channel.sendRequest<R>(method, params) : this.channel.sendRequest<R>(method, params, token);
    }

    add(params: AddParams, token?: CancellationToken): Promise<AddResult> {
        return this.request<AddResult>(Method.add, params, token);
    }

    recover(kb?: string): Promise<RecoverResult> {
        return this.request<RecoverResult>(Method.recover, kb === undefined ? {} : { uri: kb });
    }

    /** Lints a KB folder or one page; the server also publishes the findings as diagnostics. */
    lint(uri?: string): Promise<LintResult> {
        return this.request<LintResult>(Method.lint, uri === undefined ? {} : { uri });
    }

    remove(params: RemoveParams): Promise<RemoveResult> {
        return this.request<RemoveResult>(Method.remove, params);
    }

    init(folder: string): Promise<unknown> {
        return this.request<unknown>(Method.init, { uri: folder });
    }

    status(kb?: string): Promise<StatusResult> {
        return this.request<StatusResult>(Method.status, kb === undefined ? {} : { uri: kb });
    }

    /** Runs the compiler again on one document of the KB `kb`. */
    recompile(docName: string, kb: string): Promise<RecompileResult> {
        return this.request<RecompileResult>(Method.recompile, { docName, uri: kb });
    }

    documents(kb?: string): Promise<DocumentsResult> {
        return this.request<DocumentsResult>(Method.documents, kb === undefined ? {} : { uri: kb });
    }

    /**
     * Asks the KB. The answer streams: `onChunk` gets each piece of its text as the server sends it
     * (LSP partial results on a fresh `partialResultToken`), in order, before the promise settles with
     * the whole result. Cancelling `token` sends `$/cancelRequest`.
     */
    async query(params: Omit<QueryParams, 'partialResultToken'>, onChunk: (text: string) => void, token?: CancellationToken): Promise<QueryResult> {
        const partialResultToken = `openkb-query-${randomUUID()}`;
        const subscription = this.channel.onProgress(new ProgressType<unknown>(), partialResultToken, (value) => {
            const text = queryChunkText(value);
            if (text.length > 0) {
                onChunk(text);
            }
        });
        try {
            return await this.request<QueryResult>(Method.query, { ...params, partialResultToken }, token);
        } finally {
            subscription.dispose();
        }
    }

    onFileProgress(listener: (params: FileProgressParams) => void): Disposable {
        this.fileProgressListeners.add(listener);
        return { dispose: () => this.fileProgressListeners.delete(listener) };
    }
}
