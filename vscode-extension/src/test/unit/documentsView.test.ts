import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { vscodeMock, workspace } from '../support/harness';
import { recompileCommand } from '../../commands/recompile';
import { DocumentItem, DocumentsView } from '../../views/documents';

describe('the Knowledge Base Documents view', () => {
    test('lists every document with its type, its summary and source pages under it, removable by right-click', async () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), 'openkb-docs-view-'));
        fs.mkdirSync(path.join(root, 'wiki/summaries'), { recursive: true });
        fs.mkdirSync(path.join(root, 'wiki/sources'), { recursive: true });
        fs.writeFileSync(path.join(root, 'wiki/summaries/paper.md'), '# Paper\n');
        fs.writeFileSync(path.join(root, 'wiki/sources/paper.json'), '[]');
        const asked: string[] = [];
        const api = {
            async documents(kb: string) {
                asked.push(kb);
                return { documents: [{ docName: 'paper', name: 'paper.pdf', type: 'long_pdf' }] };
            },
        };
        const view = new DocumentsView(async () => api as never, () => [root]);
        const docs = await view.getChildren();
        assert.equal(asked.length, 1);
        assert.equal(docs.length, 1);
        const doc = docs[0] as DocumentItem;
        assert.equal(doc.label, 'paper.pdf');
        assert.equal(doc.description, 'long_pdf');
        assert.equal(doc.contextValue, 'openkb.document', 'the remove entry of view/item/context shows on it');
        assert.equal(doc.docName, 'paper');
        const pages = await view.getChildren(doc);
        assert.deepEqual(pages.map((p) => p.label), ['summaries/paper', 'sources/paper.json']);
        assert.equal(pages[0].command?.command, 'vscode.open');
        assert.deepEqual(await new DocumentsView(async () => api as never, () => []).getChildren(), [], 'no KB, no server asked');
        fs.rmSync(root, { recursive: true, force: true });
    });
});

describe('Recompile Document', () => {
    test('asks the server to recompile the right-clicked document of its KB, and ignores anything else', async () => {
        workspace();
        const calls: unknown[] = [];
        const api = {
            async recompile(docName: string, kb: string) {
                calls.push([docName, kb]);
                return { recompiled: 1, skipped: 0, documents: [{ docName, status: 'recompiled' }] };
            },
            async status() {
                return { pendingJournals: 0 };
            },
        };
        const output: string[] = [];
        const ctx = {
            server: { api: async () => api },
            output: { appendLine: (l: string) => output.push(l) },
            status: { refreshPending: async () => undefined },
            kbs: { kbRoots: [] },
        };
        await recompileCommand(ctx as never, { kbRoot: '/work/kb', docName: 'paper' });
        assert.deepEqual(calls, [['paper', vscodeMock.Uri.file('/work/kb').toString()]]);
        assert.deepEqual(output, ['OpenKB: recompiled paper.']);
        await recompileCommand(ctx as never, undefined);
        assert.equal(calls.length, 1);
    });
});
