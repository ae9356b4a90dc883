/**
 * Pure message formatting for progress and results: no `vscode` import, so the unit tests and the
 * end-to-end test check exactly the strings users see.
 */
import {
    AddResult,
    FileProgressParams,
    LintResult,
    RecoverResult,
    RemoveResult,
} from './protocol';

/** The last path segment of a URI, percent-decoded ("file:///a/my%20report.pdf" → "my report.pdf"). */
export function fileNameOf(uri: string): string {
    const path = uri.replace(/[?#].*$/, '').replace(/\/+$/, '');
    const last = path.substring(path.lastIndexOf('/') + 1);
    try {
        return decodeURIComponent(last);
    } catch {
        return last;
    }
}

/** One step for `Progress.report`: the message and the increment (in percent) since the previous step. */
export interface ProgressStep {
    message: string;
    increment: number;
}

/**
 * Turns the server's progress of one add into `Progress.report` steps. The server computes the
 * percentage, the message and the summary (the same the CLI and IntelliJ show); this only turns the
 * percentage into the increments VS Code wants and remembers the latest summary, for an add that ends
 * without a result. Confined to the thread of the extension host (single-threaded JavaScript).
 */
export class AddProgressTracker {
    private reported = 0;
    private fileEvents = false;
    private latestSummary = '0 added';

    /** An `openkb/fileProgress` notification. */
    update(p: FileProgressParams): ProgressStep {
        this.fileEvents = true;
        this.latestSummary = p.summary;
        return this.step(p.percent, p.message);
    }

    /** A `$/progress` begin or report (the message of a download, before any file). */
    workDone(percent: number | undefined, message: string): ProgressStep {
        return this.step(percent ?? this.reported, message);
    }

    /** True once any file notification arrived (the fallback to `$/progress` messages is then off). */
    get hasFileEvents(): boolean {
        return this.fileEvents;
    }

    /** The server's summary of the files finished so far, e.g. when the add ended by cancellation. */
    summary(): string {
        return this.latestSummary;
    }

    private step(percent: number, message: string): ProgressStep {
        const increment = Math.max(0, Math.min(100, percent) - this.reported);
        this.reported += increment;
        return { message, increment };
    }
}

/** One line per failed file, for the output channel. */
export function formatFailures(result: AddResult): string[] {
    return result.files
        .filter((f) => f.status === 'failed')
        .map((f) => `failed: ${fileNameOf(f.uri)} (${f.uri}): ${f.reason ?? 'no reason given'}`);
}

function plural(n: number, one: string, many = `${one}s`): string {
    return `${n} ${n === 1 ? one : many}`;
}

function detailName(details: unknown): string | undefined {
    if (details !== null && typeof details === 'object') {
        const d = details as Record<string, unknown>;
        const name = d.name ?? d.docName ?? d.doc_name;
        return typeof name === 'string' ? name : undefined;
    }
    return undefined;
}

/** Renders an item of `gaveUp` / `errors`, whose shape the protocol leaves open. */
export function describeItem(item: unknown): string {
    if (typeof item === 'string') {
        return item;
    }
    if (item !== null && typeof item === 'object') {
        const o = item as Record<string, unknown>;
        const text = [o.journal, o.message ?? o.reason ?? o.error].filter((x) => typeof x === 'string');
        if (text.length > 0) {
            return text.join(': ');
        }
    }
    return JSON.stringify(item);
}

export function recoveryWasNeeded(r: RecoverResult): boolean {
    return r.rolledBack.length + r.discarded + r.stagingReclaimed + r.gaveUp.length + r.errors.length + (r.quarantined?.length ?? 0) > 0;
}

/** "Rolled back 1 interrupted add (paper.pdf); reclaimed 2 staging folders", or "Nothing to recover." */
export function formatRecoverSummary(r: RecoverResult): string {
    if (!recoveryWasNeeded(r)) {
        return 'Nothing to recover.';
    }
    const parts: string[] = [];
    for (const j of r.rolledBack) {
        const name = detailName(j.details);
        parts.push(`rolled back an interrupted ${j.operation}${name ? ` (${name})` : ''}`);
    }
    if (r.discarded > 0) {
        parts.push(`cleaned up ${plural(r.discarded, 'finished journal')}`);
    }
    if (r.stagingReclaimed > 0) {
        parts.push(`reclaimed ${plural(r.stagingReclaimed, 'staging folder')}`);
    }
    if (r.gaveUp.length > 0) {
        parts.push(`gave up on ${plural(r.gaveUp.length, 'journal')} (manual review needed)`);
    }
    if ((r.quarantined?.length ?? 0) > 0) {
        parts.push(`set aside ${plural(r.quarantined!.length, 'unsafe or unreadable journal')}`);
    }
    if (r.errors.length > 0) {
        parts.push(plural(r.errors.length, 'error'));
    }
    const text = parts.join('; ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** Every journal, give-up and error, one per line, for the output channel. */
export function formatRecoverDetails(r: RecoverResult): string[] {
    return [
        ...r.rolledBack.map((j) => `rolled back ${j.operation} journal ${j.journal}: ${JSON.stringify(j.details)}`),
        ...r.gaveUp.map((g) => `gave up: ${describeItem(g)}`),
        ...r.errors.map((e) => `error: ${describeItem(e)}`),
        ...(r.quarantined ?? []).map((q) => `set aside in .openkb/journal/quarantine: ${q}`),
    ];
}

/** "3 problems: 2 broken-link, 1 orphan" (most frequent code first), or "No problems found." */
export function formatLintSummary(r: LintResult): string {
    const total = r.findings.length;
    if (total === 0) {
        return 'No problems found.';
    }
    const byCode = Object.entries(r.counts)
        .filter(([, n]) => n > 0)
        .sort(([a, n], [b, m]) => m - n || a.localeCompare(b))
        .map(([code, n]) => `${n} ${code}`);
    return `${plural(total, 'problem')}${byCode.length > 0 ? `: ${byCode.join(', ')}` : ''}`;
}

const ACTION_VERBS: Record<string, string> = {
    delete: 'delete',
    modify: 'modify',
    registry: 'unregister from',
    pageindex: 'drop from the page index:',
};

/** The lines of a remove plan ("delete wiki/summaries/paper.md"), in the server's order. */
export function formatRemovePlan(r: RemoveResult): string[] {
    return r.actions.map((a) => `${ACTION_VERBS[a.action] ?? a.action} ${a.path}`);
}

/** "Removed paper: 3 files deleted, 2 modified." */
export function formatRemoveSummary(r: RemoveResult): string {
    const deleted = r.actions.filter((a) => a.action === 'delete').length;
    const modified = r.actions.filter((a) => a.action === 'modify').length;
    return `Removed ${r.docName}: ${plural(deleted, 'file')} deleted, ${modified} modified.`;
}
