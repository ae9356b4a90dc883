import * as path from 'node:path';
import * as vscode from 'vscode';

/** Where recovery sets aside journals it cannot trust or read (relative to the KB root). */
export const QUARANTINE_DIR = '.openkb/journal/quarantine';
export const REVEAL_QUARANTINE = 'Reveal Quarantine Folder';

/**
 * The warning for journals recovery set aside, each "<name>: <reason>" as the server words it. Nothing
 * was applied from them, and they stay until the user looks at them and deletes them.
 */
export function formatQuarantineWarning(kbName: string, entries: readonly string[]): string {
    const what = entries.length === 1 ? 'a journal' : `${entries.length} journals`;
    return `OpenKB set aside ${what} of ${kbName} that it could not trust or read, without applying ${
        entries.length === 1 ? 'it' : 'them'
    }: ${entries.join('; ')}. ${entries.length === 1 ? 'It is' : 'They are'} in ${QUARANTINE_DIR}/; delete ${
        entries.length === 1 ? 'it' : 'them'
    } once reviewed.`;
}

/**
 * Shows the warning with a button that reveals the quarantine folder in the Explorer. Does not wait for
 * the user (the notification may stay open).
 */
export function warnAboutQuarantine(kb: vscode.Uri, entries: readonly string[]): void {
    if (entries.length === 0) {
        return;
    }
    const folder = vscode.Uri.file(path.join(kb.fsPath, ...QUARANTINE_DIR.split('/')));
    const shown = vscode.window.showWarningMessage(formatQuarantineWarning(path.basename(kb.fsPath), entries), REVEAL_QUARANTINE);
    void Promise.resolve(shown).then((choice) => {
        if (choice === REVEAL_QUARANTINE) {
            void vscode.commands.executeCommand('revealInExplorer', folder);
        }
    });
}

/**
 * Warns about each quarantined journal once per session when it is first seen in a status, so a
 * refresh after every command does not repeat it; an explicit recover always warns. Used on the
 * extension host thread only.
 */
export class QuarantineNotices {
    private readonly seen = new Set<string>();

    /** From `openkb/status`: warns when `entries` holds a journal not warned about yet. */
    fromStatus(kb: vscode.Uri, entries: readonly string[] | undefined): void {
        const list = entries ?? [];
        if (list.some((e) => !this.seen.has(this.key(kb, e)))) {
            this.warn(kb, list);
        }
    }

    /** From `openkb/recover`: the user asked, so the warning is shown even when seen before. */
    fromRecover(kb: vscode.Uri, entries: readonly string[] | undefined): void {
        this.warn(kb, entries ?? []);
    }

    private warn(kb: vscode.Uri, entries: readonly string[]): void {
        entries.forEach((e) => this.seen.add(this.key(kb, e)));
        warnAboutQuarantine(kb, entries);
    }

    private key(kb: vscode.Uri, entry: string): string {
        return `${kb.toString()}\n${entry}`;
    }
}
