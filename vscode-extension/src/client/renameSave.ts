import * as vscode from 'vscode';

/** A file move as VS Code reports it: before (willRenameFiles) and after (onDidRenameFiles). */
export interface FileMove {
    oldUri: { toString(): string };
    newUri: { toString(): string };
}

/**
 * The pages a link edit changes that have no unsaved changes of the user's now, each once: they are
 * saved once VS Code has applied the edit. A page the user was already editing stays unsaved, since
 * saving it would also write the user's own unsaved text.
 */
export function pagesToSave(edited: readonly string[], isDirty: (uri: string) => boolean): string[] {
    return [...new Set(edited)].filter((uri) => !isDirty(uri));
}

/** Whether two reports name the same moves (the rename the edit was made for). */
export function sameMoves(a: readonly FileMove[], b: readonly FileMove[]): boolean {
    const key = (moves: readonly FileMove[]) => moves.map((m) => `${m.oldUri.toString()}\n${m.newUri.toString()}`).sort().join('\n\n');
    return key(a) === key(b);
}

/** How long a rename may take to finish (a confirmation dialog or preview in between) before the save is dropped. */
const RENAME_WAIT_MS = 5 * 60_000;

/**
 * A page file renamed in the Explorer: VS Code applies the server's link edits (workspace/willRenameFiles)
 * to the linking pages but, unlike after F2 (`files.refactoring.autoSave`), leaves them unsaved, so the
 * files on disk would link the old name until the user saves them all. This saves those pages once the
 * move is done (the real-editor suite found it). Runs on the extension host thread; the listener it
 * registers ends with the matching move, or after RENAME_WAIT_MS when the move never happens.
 */
export function saveAfterMove(moves: readonly FileMove[], edit: vscode.WorkspaceEdit): void {
    const openDocument = (uri: string) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    const toSave = pagesToSave(edit.entries().map(([uri]) => uri.toString()), (uri) => openDocument(uri)?.isDirty === true);
    if (toSave.length === 0) {
        return;
    }
    const timer = setTimeout(() => listener.dispose(), RENAME_WAIT_MS);
    const listener = vscode.workspace.onDidRenameFiles(async (done) => {
        if (!sameMoves(moves, done.files)) {
            return;
        }
        listener.dispose();
        clearTimeout(timer);
        for (const uri of toSave) {
            await openDocument(uri)?.save();
        }
    });
}
