/**
 * Recognises the server's refusal to send the API key to an endpoint the user has not approved
 * (error code ENDPOINT_NOT_APPROVED, message `... the KB's LLM endpoint <url> is not approved for your
 * API key; run: openkb trust --kb <dir>`), in a failed request or in a file of an add's result.
 * Pure functions: no `vscode` import.
 */
import { AddResult } from '../protocol';

export const ENDPOINT_NOT_APPROVED = 'ENDPOINT_NOT_APPROVED';

/** The refusal, as far as the message tells; the KB is the one the refused request was for. */
export interface EndpointRefusal {
    /** The endpoint the KB's config names; undefined when the message does not say. */
    endpoint?: string;
}

/** The refusal in one message, or undefined when the message is about something else. */
export function refusalInText(text: string): EndpointRefusal | undefined {
    if (!text.includes(ENDPOINT_NOT_APPROVED) && !/not approved for your API key/.test(text)) {
        return undefined;
    }
    const endpoint = /endpoint\s+(\S+?)[,;:.]?\s+is not approved/.exec(text)?.[1] ?? /endpoint\s+((?:https?):\/\/[^\s;,]+)/.exec(text)?.[1];
    return endpoint ? { endpoint } : {};
}

/** The refusal carried by a failed request (`data.code`, or the code in its message). */
export function refusalInError(error: unknown): EndpointRefusal | undefined {
    const e = error as { message?: unknown; data?: { code?: unknown; path?: unknown } } | null;
    const message = typeof e?.message === 'string' ? e.message : '';
    const found = refusalInText(message);
    if (e?.data?.code === ENDPOINT_NOT_APPROVED) {
        return found ?? {};
    }
    return found;
}

/** The files of an add that failed because of the refusal, and the refusal itself. */
export function refusedFiles(result: AddResult): { refusal: EndpointRefusal; uris: string[] } | undefined {
    let refusal: EndpointRefusal | undefined;
    const uris: string[] = [];
    for (const file of result.files) {
        const found = file.status === 'failed' && file.reason !== undefined ? refusalInText(file.reason) : undefined;
        if (found !== undefined) {
            refusal = { ...found, ...refusal };
            uris.push(file.uri);
        }
    }
    return refusal === undefined ? undefined : { refusal, uris };
}

/** The modal's question, as the issue words it. */
export function approvalQuestion(refusal: EndpointRefusal): string {
    return `Allow this knowledge base to send your API key to ${refusal.endpoint ?? 'the LLM endpoint in its .openkb/config.yaml'}?`;
}
