import * as path from 'node:path';
import * as vscode from 'vscode';
import { OpenKbApi } from '../client/openKbApi';

/** One backlink as `textDocument/references` answers it. */
interface WireLocation {
    uri: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** The KB root that holds `file` under its wiki/, or undefined. */
export function wikiRootOf(file: string, kbRoots: readonly string[]): string | undefined {
    return kbRoots.find((root) => file.startsWith(path.join(root, 'wiki') + path.sep) && file.endsWith('.md'));
}

/**
 * The "Backlinks" view (Explorer): the pages linking to the page in the active editor, one item per
 * link, opening the link where it stands. Asked of the server as `textDocument/references` at the
 * page's start (off any link: the page's own backlinks), so it lists exactly what the lens counts.
 * State: the last active wiki page; refreshed on editor switch and save (extension host thread).
 */
export class BacklinksView implements vscode.TreeDataProvider<vscode.TreeItem> {
    private readonly changed = new vscode.EventEmitter<void>();
    readonly onDidChangeTreeData = this.changed.event;
    private page: vscode.Uri | undefined;

    constructor(
        private readonly api: () => Promise<OpenKbApi | undefined>,
        private readonly kbRoots: () => readonly string[],
    ) {}

    /** Follows the active editor: a wiki page of a KB becomes the view's page; anything else keeps the last one. */
    follow(editorUri: vscode.Uri | undefined): void {
        if (editorUri && editorUri.scheme === 'file' && wikiRootOf(editorUri.fsPath, this.kbRoots())) {
            this.page = editorUri;
        }
        this.changed.fire();
    }

    getTreeItem(item: vscode.TreeItem): vscode.TreeItem {
        return item;
    }

    async getChildren(): Promise<vscode.TreeItem[]> {
        const page = this.page;
        const root = page && wikiRootOf(page.fsPath, this.kbRoots());
        const api = root && (await this.api());
        if (!page || !root || !api) {
            return [];
        }
        const refs = await api.channel.sendRequest<WireLocation[] | null>('textDocument/references', {
            textDocument: { uri: page.toString() },
            position: { line: 0, character: 0 },
            context: { includeDeclaration: false },
        });
        return (refs ?? []).map((ref) => backlinkItem(ref, path.join(root, 'wiki')));
    }
}

/** "concepts/b" with "line 4" beside it, opening that link. */
export function backlinkItem(ref: WireLocation, wikiDir: string): vscode.TreeItem {
    const uri = vscode.Uri.parse(ref.uri);
    const key = path.relative(wikiDir, uri.fsPath).replace(/\\/g, '/').replace(/\.md$/, '');
    const item = new vscode.TreeItem(key);
    item.description = `line ${ref.range.start.line + 1}`;
    const start = new vscode.Position(ref.range.start.line, ref.range.start.character);
    const end = new vscode.Position(ref.range.end.line, ref.range.end.character);
    item.command = { command: 'vscode.open', title: 'Open', arguments: [uri, { selection: new vscode.Range(start, end) }] };
    return item;
}
