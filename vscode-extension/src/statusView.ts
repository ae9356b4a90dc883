/** What the OpenKB status bar item shows for a state: pure, so every state's text is unit-tested. */

export interface StatusState {
    /** Set while an add runs: the position of the newest file heard of. */
    adding?: { index: number; total: number };
    /** Journals left by an interrupted mutation (from `openkb/status`). */
    pendingJournals: number;
    /** OpenKB diagnostics currently shown in the Problems panel. */
    problems: number;
    /** The server could not be started or stopped for good. */
    serverDown?: boolean;
}

export interface StatusView {
    text: string;
    tooltip: string;
    /** Id of the command run on click. */
    command: string;
}

/** Precedence: a running add, then a broken server, then pending recovery, then problems, then idle. */
export function statusView(s: StatusState, commands: { showOutput: string; recover: string }): StatusView {
    if (s.adding) {
        return {
            text: `$(sync~spin) OpenKB: adding ${s.adding.index}/${s.adding.total}`,
            tooltip: 'OpenKB is adding files to the knowledge base',
            command: commands.showOutput,
        };
    }
    if (s.serverDown) {
        return { text: '$(error) OpenKB', tooltip: 'The OpenKB server is not running: see its output', command: commands.showOutput };
    }
    if (s.pendingJournals > 0) {
        return {
            text: '$(alert) OpenKB: recovery needed',
            tooltip: `${s.pendingJournals} interrupted change(s) left a journal: click to recover the knowledge base`,
            command: commands.recover,
        };
    }
    if (s.problems > 0) {
        return {
            text: `$(warning) OpenKB: ${s.problems} problem${s.problems === 1 ? '' : 's'}`,
            tooltip: 'OpenKB lint findings are in the Problems panel',
            command: commands.showOutput,
        };
    }
    return { text: '$(book) OpenKB', tooltip: 'OpenKB knowledge base: idle', command: commands.showOutput };
}
