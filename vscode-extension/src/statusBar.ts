import * as vscode from 'vscode';
import { OpenKbApi } from './client/openKbApi';
import { CommandId } from './commands/ids';
import { QuarantineNotices } from './quarantine';
import { StatusState, statusView } from './statusView';

/** Diagnostics the OpenKB server published (its diagnostics carry source "openkb"). */
export function countOpenKbDiagnostics(): number {
    let n = 0;
    for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
        n += diagnostics.filter((d) => d.source === 'openkb').length;
    }
    return n;
}

/**
 * The OpenKB status bar item: idle / adding i/n / N problems / recovery needed. Owned by the extension
 * host thread; `state` changes only through {@link update}.
 */
export class KbStatusBar implements vscode.Disposable {
    private readonly item = vscode.window.createStatusBarItem('openkb.status', vscode.StatusBarAlignment.Left, 10);
    private readonly diagnostics: vscode.Disposable;
    private state: StatusState = { pendingJournals: 0, problems: 0 };
    /** Warnings about quarantined journals, shared with the recover command so each is shown once. */
    readonly quarantine = new QuarantineNotices();

    constructor() {
        this.item.name = 'OpenKB';
        this.diagnostics = vscode.languages.onDidChangeDiagnostics(() => this.update({ problems: countOpenKbDiagnostics() }));
        this.render();
        this.item.show();
    }

    get current(): StatusState {
        return this.state;
    }

    update(patch: Partial<StatusState>): void {
        this.state = { ...this.state, ...patch };
        this.render();
    }

    /** Asks the server how many journals wait for recovery in the given KBs, and which were set aside. */
    async refreshPending(api: OpenKbApi, kbUris: readonly string[]): Promise<void> {
        const statuses = await Promise.all(kbUris.map((kb) => api.status(kb).catch(() => undefined)));
        this.update({ pendingJournals: statuses.reduce((n, s) => n + (s?.pendingJournals ?? 0), 0) });
        statuses.forEach((s, i) => this.quarantine.fromStatus(vscode.Uri.parse(kbUris[i]), s?.quarantinedJournals));
    }

    private render(): void {
        const view = statusView(this.state, { showOutput: CommandId.showOutput, recover: CommandId.recover });
        this.item.text = view.text;
        this.item.tooltip = view.tooltip;
        this.item.command = view.command;
    }

    dispose(): void {
        this.diagnostics.dispose();
        this.item.dispose();
    }
}
