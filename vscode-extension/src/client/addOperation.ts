import { randomUUID } from 'node:crypto';
import type { CancellationToken } from 'vscode-jsonrpc';
import { WorkDoneProgress } from 'vscode-languageserver-protocol';
import { AddParams, AddResult, ErrorCode, FileProgressParams } from '../protocol';
import { AddProgressTracker, ProgressStep } from '../progress';
import { OpenKbApi } from './openKbApi';

/** How an add ended: with the server's result, or with its refusal of a cancelled request. */
export type AddOutcome =
    | { kind: 'completed'; result: AddResult }
    /** The server answered the cancelled request with RequestCancelled; the summary is its last running one. */
    | { kind: 'cancelled'; summary: string };

export function isRequestCancelled(error: unknown): boolean {
    return (error as { code?: unknown } | null)?.code === ErrorCode.requestCancelled;
}

/**
 * Runs one `openkb/add` and turns its notifications into progress steps. Cancelling `token` makes the
 * connection send `$/cancelRequest`; the server then answers with the cancelled files in the result (or
 * with a RequestCancelled error, which is not a failure here).
 *
 * Per-file `openkb/fileProgress` notifications carry no request id, so callers run one add at a time.
 * Both they and `$/progress` carry the server's percentage and message; `$/progress` on our own
 * work-done token is used only until the first file notification arrives (a URL's download, before any
 * file, is reported there alone).
 */
export async function runAdd(
    api: OpenKbApi,
    params: Omit<AddParams, 'workDoneToken'>,
    token: CancellationToken | undefined,
    onStep: (step: ProgressStep, file?: FileProgressParams) => void,
): Promise<AddOutcome> {
    const tracker = new AddProgressTracker();
    const workDoneToken = `openkb-add-${randomUUID()}`;
    const subscriptions = [
        api.onFileProgress((p) => {
            onStep(tracker.update(p), p);
        }),
        api.channel.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
            if (!tracker.hasFileEvents && value.kind !== 'end' && value.message) {
                onStep(tracker.workDone(value.percentage, value.message));
            }
        }),
    ];
    try {
        const result = await api.add({ ...params, workDoneToken }, token);
        return { kind: 'completed', result };
    } catch (error) {
        if (isRequestCancelled(error)) {
            return { kind: 'cancelled', summary: tracker.summary() };
        }
        throw error;
    } finally {
        for (const s of subscriptions) {
            s.dispose();
        }
    }
}
