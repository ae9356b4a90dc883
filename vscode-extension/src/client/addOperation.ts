import { randomUUID } from 'node:crypto';
import type { CancellationToken } from 'vscode-jsonrpc';
import { WorkDoneProgress } from 'vscode-languageserver-protocol';
import { AddParams, AddResult, ErrorCode, FileProgressParams } from '../protocol';
import { AddCounts, AddProgressTracker, ProgressStep } from '../progress';
import { OpenKbApi } from './openKbApi';

/** How an add ended: with the server's result, or with its refusal of a cancelled request. */
export type AddOutcome =
    | { kind: 'completed'; result: AddResult }
    /** The server answered the cancelled request with RequestCancelled; counts come from the done events. */
    | { kind: 'cancelled'; counts: AddCounts };

export function isRequestCancelled(error: unknown): boolean {
    return (error as { code?: unknown } | null)?.code === ErrorCode.requestCancelled;
}

/**
 * Runs one `openkb/add` and turns its notifications into progress steps. Cancelling `token` makes the
 * connection send `$/cancelRequest`; the server then answers with the cancelled files in the result (or
 * with a RequestCancelled error, which is not a failure here).
 *
 * Per-file `openkb/fileProgress` notifications carry no request id, so callers run one add at a time.
 * `$/progress` on our own work-done token is used only for its messages, and only until the first file
 * notification arrives (a server that sends none still shows something).
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
                onStep({ message: value.message, increment: 0 });
            }
        }),
    ];
    try {
        const result = await api.add({ ...params, workDoneToken }, token);
        return { kind: 'completed', result };
    } catch (error) {
        if (isRequestCancelled(error)) {
            return { kind: 'cancelled', counts: tracker.counts() };
        }
        throw error;
    } finally {
        for (const s of subscriptions) {
            s.dispose();
        }
    }
}
