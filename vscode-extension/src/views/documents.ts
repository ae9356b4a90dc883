import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { OpenKbApi } from '../client/openKbApi';

/** A document of the view: its KB root and registry fields; the context menu's commands get it. */
export class DocumentItem extends vscode.TreeItem {
    constructor(
        readonly kbRoot: string,
        readonly docName: string,
        name: string,
        type: string,
    ) {
        super(name, vscode.TreeItemCollapsibleState.Collapsed);
        this.description = type;
        this.contextValue = 'openkb.document';
        this.tooltip = `${name} (doc_name ${docName}, ${type})`;
    }
}

/**
 * The "Knowledge Base Documents" view (Explorer): every document of every KB (`openkb/documents`),
 * with its type, and under it the pages named after it (its summary and source) to open; right-click
 * removes it. Re-read whenever the registry changes. State: none beyond the change emitter
 * (extension host thread).
 */
export class DocumentsView implements vscode.TreeDataProvider<vscode.TreeItem> {
    private readonly changed = new vscode.EventEmitter<void>();
    readonly onDidChangeTreeData = this.changed.event;

    constructor(
        private readonly api: () => Promise<OpenKbApi | undefined>,
        private readonly kbRoots: () => readonly string[],
    ) {}

    refresh(): void {
        this.changed.fire();
    }

    getTreeItem(item: vscode.TreeItem): vscode.TreeItem {
        return item;
    }

    async getChildren(parent?: vscode.TreeItem): Promise<vscode.TreeItem[]> {
        if (parent instanceof DocumentItem) {
            return pagesOf(parent);
        }
        const roots = this.kbRoots();
        const api = roots.length > 0 ? await this.api() : undefined;
        if (!api) {
            return [];
        }
        const items: vscode.TreeItem[] = [];
        for (const root of roots) {
            const { documents } = await api.documents(vscode.Uri.file(root).toString());
            items.push(...documents.map((d) => new DocumentItem(root, d.docName, d.name, d.type)));
        }
        return items;
    }
}

/** The summary and source pages of a document that exist, each opening its file. */
export function pagesOf(doc: DocumentItem): vscode.TreeItem[] {
    const wiki = path.join(doc.kbRoot, 'wiki');
    const candidates = [`summaries/${doc.docName}.md`, `sources/${doc.docName}.md`, `sources/${doc.docName}.json`];
    return candidates
        .filter((rel) => fs.existsSync(path.join(wiki, rel)))
        .map((rel) => {
            const item = new vscode.TreeItem(rel.replace(/\.md$/, ''));
            const uri = vscode.Uri.file(path.join(wiki, rel));
            item.command = { command: 'vscode.open', title: 'Open', arguments: [uri] };
            return item;
        });
}
