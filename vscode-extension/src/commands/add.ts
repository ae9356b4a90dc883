import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { runAdd } from '../client/addOperation';
import { refusalInError, refusedFiles } from '../client/endpointApproval';
import { OpenKbApi } from '../client/openKbApi';
import { addableTargets } from '../kbLocator';
import { AddParams } from '../protocol';
import { formatFailures } from '../progress';
import { isSupportedFile, SUPPORTED_EXTENSIONS } from '../supportedFiles';
import { CommandContext, errorText, refreshPending, reportWithDetails } from './context';
import { offerKnowledgeBase } from './init';
import { approveEndpoint } from './trust';

/**
 * "OpenKB: Add to Knowledge Base". One add at a time (`running`), because the server's per-file
 * notifications do not say which request they belong to. Owned by the extension host thread.
 */
export class AddCommand {
    private running = false;

    constructor(private readonly ctx: CommandContext) {}

    /**
     * VS Code passes (clicked, selection) from the explorer, (uri, editor info) from editor menus and
     * nothing from the command palette, where a file dialog asks instead.
     */
    async run(clicked?: unknown, selection?: unknown): Promise<void> {
        if (this.running) {
            void vscode.window.showInformationMessage('OpenKB is already adding files: wait for it to finish, or cancel it.');
            return;
        }
        const targets = await this.addable(await chosenUris(clicked, selection));
        if (targets.length === 0) {
            return;
        }
        // A new user right-clicks a file before there is any KB: offer to make one instead of failing.
        if (this.ctx.kbs.kbRoots.length === 0 && !(await offerKnowledgeBase(this.ctx, targets))) {
            return;
        }
        const kb = await this.ctx.kbs.pick(targets, 'add to');
        const inputs = kb && this.outsideKbFolders(kb, targets);
        const api = inputs && inputs.length > 0 && (await this.ctx.server.api());
        if (!kb || !inputs || !api) {
            return;
        }
        this.running = true;
        try {
            const jobs = this.ctx.settings().jobs;
            const params = { kb: kb.toString(), ...(jobs > 0 ? { jobs } : {}) };
            await this.addApproving(api, kb, { ...params, uris: inputs.map((u) => u.toString()) });
        } finally {
            this.running = false;
            this.ctx.status.update({ adding: undefined });
            await refreshPending(this.ctx, api);
        }
    }

    /**
     * "OpenKB: Add URL…": asks for an http(s) URL (or takes one from a caller) and has the server
     * download and add it; the download, its limits and its failures are the server's.
     */
    async runUrl(given?: string): Promise<void> {
        if (this.running) {
            void vscode.window.showInformationMessage('OpenKB is already adding files: wait for it to finish, or cancel it.');
            return;
        }
        const url =
            given ??
            (await vscode.window.showInputBox({
                title: 'OpenKB: Add URL',
                prompt: 'A web page or document to download and add (http or https)',
                placeHolder: 'https://arxiv.org/pdf/1706.03762',
                ignoreFocusOut: true,
                validateInput: (value) => webUrlProblem(value),
            }));
        if (url === undefined || webUrlProblem(url) !== undefined) {
            if (url !== undefined) {
                void vscode.window.showErrorMessage(`OpenKB: ${webUrlProblem(url)}`);
            }
            return;
        }
        const kb = await this.ctx.kbs.pick([], 'add to');
        const api = kb && (await this.ctx.server.api());
        if (!kb || !api) {
            return;
        }
        this.running = true;
        try {
            await this.addApproving(api, kb, { kb: kb.toString(), uris: [url.trim()] });
        } finally {
            this.running = false;
            this.ctx.status.update({ adding: undefined });
            await refreshPending(this.ctx, api);
        }
    }

    /**
     * Adds, and when the server refused to send the API key to the KB's endpoint (the whole request, or
     * some files), asks the user to approve it and adds the refused files once more.
     */
    private async addApproving(api: OpenKbApi, kb: vscode.Uri, params: Omit<AddParams, 'workDoneToken'>): Promise<void> {
        let refused: string[];
        try {
            refused = await this.add(api, params);
        } catch (error) {
            const refusal = refusalInError(error);
            if (refusal === undefined) {
                void vscode.window.showErrorMessage(`OpenKB could not add: ${errorText(error)}`);
                return;
            }
            if (await approveEndpoint(this.ctx, refusal, kb)) {
                await this.retry(api, params);
            }
            return;
        }
        if (refused.length > 0) {
            await this.retry(api, { ...params, uris: refused });
        }
    }

    /** The add after an approval; a second refusal is reported as a failure, not asked about again. */
    private async retry(api: OpenKbApi, params: Omit<AddParams, 'workDoneToken'>): Promise<void> {
        try {
            await this.add(api, params, false);
        } catch (error) {
            void vscode.window.showErrorMessage(`OpenKB could not add: ${errorText(error)}`);
        }
    }

    /**
     * One add with progress and its summary. Returns the files to add again: those the server refused
     * for an unapproved endpoint, once the user approved it when `askApproval` (none otherwise).
     */
    private async add(api: OpenKbApi, params: Omit<AddParams, 'workDoneToken'>, askApproval = true): Promise<string[]> {
        const outcome = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: 'Adding to OpenKB', cancellable: true },
            (progress, token) => {
                progress.report({ message: 'starting…' });
                return runAdd(api, params, token, (step, file) => {
                    progress.report(step);
                    if (file !== undefined) {
                        this.ctx.status.update({ adding: { index: file.index, total: file.total } });
                    }
                });
            },
        );
        if (outcome.kind === 'cancelled') {
            const text = `OpenKB: add cancelled (${outcome.summary}).`;
            this.ctx.output.appendLine(text);
            void vscode.window.showInformationMessage(text);
            return [];
        }
        // The server's line, word for word what the CLI prints after "Done:".
        const summary = `OpenKB: ${outcome.result.summary}.`;
        this.ctx.output.appendLine(summary);
        const failures = formatFailures(outcome.result);
        const refused = refusedFiles(outcome.result);
        if (askApproval && refused !== undefined && params.kb !== undefined && (await approveEndpoint(this.ctx, refused.refusal, vscode.Uri.parse(params.kb)))) {
            // The retry reports on these files; the others (added, skipped) go in the output.
            failures.forEach((line) => this.ctx.output.appendLine(line));
            return refused.uris;
        }
        reportWithDetails(this.ctx, summary, failures, { warn: failures.length > 0, button: 'Show Failures' });
        return [];
    }

    /**
     * The targets without the KB's own folders (see {@link addableTargets}); says so when nothing is
     * left, and notes in the output what was left out.
     */
    private outsideKbFolders(kb: vscode.Uri, targets: readonly vscode.Uri[]): vscode.Uri[] {
        const list = (dir: string): string[] => {
            try {
                return fs.readdirSync(dir).sort();
            } catch {
                return [];
            }
        };
        const { kept, leftOut } = addableTargets(kb.fsPath, targets.map((t) => t.fsPath), list);
        leftOut.forEach((p) => this.ctx.output.appendLine(`add: left out ${p}: it is part of the knowledge base itself`));
        if (kept.length === 0) {
            void vscode.window.showWarningMessage(
                "OpenKB: nothing to add — the selection holds only the knowledge base's own folders (.openkb, raw, wiki).",
            );
        }
        return kept.map((p) => vscode.Uri.file(p));
    }

    /** Folders and supported files; says so when the selection holds nothing else. */
    private async addable(uris: readonly vscode.Uri[]): Promise<vscode.Uri[]> {
        const kept: vscode.Uri[] = [];
        for (const uri of uris) {
            if (uri.scheme === 'file' && (isSupportedFile(uri.path) || (await isFolder(uri)))) {
                kept.push(uri);
            } else {
                this.ctx.output.appendLine(`add: not a supported file type, left out: ${uri.toString()}`);
            }
        }
        if (uris.length > 0 && kept.length === 0) {
            void vscode.window.showWarningMessage(
                `OpenKB can add folders and ${SUPPORTED_EXTENSIONS.join(' ')} files; the selection holds none.`,
            );
        }
        return kept;
    }
}

async function isFolder(uri: vscode.Uri): Promise<boolean> {
    try {
        return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
    } catch {
        return false;
    }
}

/** The explorer's multi-selection if there is one, else the clicked resource, else a file dialog. */
async function chosenUris(clicked: unknown, selection: unknown): Promise<readonly vscode.Uri[]> {
    if (Array.isArray(selection) && selection.length > 0 && selection.every((s) => s instanceof vscode.Uri)) {
        return selection as vscode.Uri[];
    }
    if (clicked instanceof vscode.Uri) {
        return [clicked];
    }
    const picked = await vscode.window.showOpenDialog({
        canSelectFiles: true,
        canSelectFolders: true,
        canSelectMany: true,
        openLabel: 'Add to Knowledge Base',
    });
    return picked ?? [];
}

/** Why `value` is not a URL the server can download, or undefined when it is one. */
export function webUrlProblem(value: string): string | undefined {
    let url: URL;
    try {
        url = new URL(value.trim());
    } catch {
        return 'Enter a full URL, starting with http:// or https://';
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        return `Only http and https URLs can be added (not ${url.protocol.replace(':', '')})`;
    }
    return url.hostname === '' ? 'The URL has no host' : undefined;
}
