import * as vscode from 'vscode';

/** A position and a location as they arrive in the lens's JSON arguments. */
interface WirePosition {
    line: number;
    character: number;
}
interface WireLocation {
    uri: string;
    range: { start: WirePosition; end: WirePosition };
}

/**
 * The server's "N backlinks" lens on a page's title carries `openkb.showBacklinks` with
 * `[uri, position, locations]` as plain JSON; VS Code's references peek wants its own Uri, Position and
 * Location objects. A client-side command, so the server does not advertise it.
 */
export async function showBacklinksCommand(uri: unknown, position: unknown, locations: unknown): Promise<void> {
    if (typeof uri !== 'string' || !isPosition(position) || !Array.isArray(locations)) {
        return;
    }
    const toPosition = (p: WirePosition) => new vscode.Position(p.line, p.character);
    const refs = (locations as WireLocation[]).map(
        (l) => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(toPosition(l.range.start), toPosition(l.range.end))),
    );
    await vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(uri), toPosition(position), refs);
}

function isPosition(p: unknown): p is WirePosition {
    return typeof p === 'object' && p !== null && typeof (p as WirePosition).line === 'number'
        && typeof (p as WirePosition).character === 'number';
}
