import { eventually, extensionContext, makeKb, RpcError, vscodeMock, workspace, Workspace } from '../support/harness';
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { CommandId } from '../../commands/ids';
import { activate, deactivate } from '../../extension';
import { RecoverResult, RemoveParams } from '../../protocol';

const { Uri } = vscodeMock;
const run = (id: string, ...args: unknown[]) => vscodeMock.vscode.commands.executeCommand(id, ...args);
const nothing: RecoverResult = { rolledBack: [], discarded: 0, stagingReclaimed: 0, gaveUp: [], errors: [] };

async function started(setup: (ws: Workspace) => void = () => undefined): Promise<Workspace> {
    const ws = workspace();
    setup(ws);
    await activate(extensionContext(ws) as never);
    await eventually('the server', () => ws.clients.clients[0]?.running === true);
    return ws;
}

afterEach(async () => {
    await deactivate();
});

describe('Recover Knowledge Base', () => {
    test('says when there was nothing to recover', async () => {
        const ws = await started();
        ws.clients.server.onRequest('openkb/recover', () => nothing);
        await run(CommandId.recover);
        assert.deepEqual(ws.clients.server.requests('openkb/recover'), [{ uri: Uri.file(ws.kb!).toString() }]);
        assert.equal(ws.vs.messages.at(-1)?.message, 'OpenKB: Nothing to recover.');
    });

    test('names what it rolled back, and the status bar no longer asks for recovery', async () => {
        let pending = 1;
        const ws = await started((w) => {
            w.clients.server.onRequest('openkb/status', () => ({ kb: '', documents: 1, pages: {}, pendingJournals: pending }));
        });
        await eventually('"recovery needed"', () => ws.vs.statusItems[0].text.includes('recovery needed'));
        ws.clients.server.onRequest('openkb/recover', () => {
            pending = 0;
            return { ...nothing, rolledBack: [{ journal: 'a1.json', operation: 'add', details: { name: 'paper.pdf' } }], stagingReclaimed: 1 };
        });
        await run(CommandId.recover);
        assert.equal(ws.vs.messages.at(-1)?.message, 'OpenKB: Rolled back an interrupted add (paper.pdf); reclaimed 1 staging folder.');
        assert.equal(ws.vs.statusItems[0].text, '$(book) OpenKB');
    });

    test('warns with a details button when it gave up on a journal', async () => {
        const ws = await started();
        ws.clients.server.onRequest('openkb/recover', () => ({ ...nothing, gaveUp: [{ journal: 'b2.json', message: 'Permission denied' }] }));
        await run(CommandId.recover);
        const m = ws.vs.messages.at(-1)!;
        assert.equal(m.kind, 'warning');
        assert.deepEqual(m.items, ['Show Details']);
        assert.ok(ws.vs.outputs[0].lines.includes('gave up: b2.json: Permission denied'));
    });

    test('warns about journals it set aside, naming them with their reason, with a button that reveals the quarantine folder', async () => {
        const ws = await started();
        ws.clients.server.onRequest('openkb/recover', () => ({ ...nothing, quarantined: ['x9.json: path leaves the KB: ../home'] }));
        ws.vs.answerMessage = (m) => (m.items.includes('Reveal Quarantine Folder') ? 'Reveal Quarantine Folder' : undefined);
        await run(CommandId.recover);
        const warning = ws.vs.messages.find((m) => m.items.includes('Reveal Quarantine Folder'));
        assert.ok(warning, JSON.stringify(ws.vs.messages));
        assert.equal(warning.kind, 'warning');
        assert.match(warning.message, /x9\.json: path leaves the KB: \.\.\/home/);
        assert.match(warning.message, /\.openkb\/journal\/quarantine\//);
        assert.ok(ws.vs.messages.some((m) => m.message.includes('Set aside 1 unsafe or unreadable journal')), JSON.stringify(ws.vs.messages));
        await eventually('the folder revealed', () => ws.vs.executed.some((e) => e.id === 'revealInExplorer'));
        const revealed = ws.vs.executed.find((e) => e.id === 'revealInExplorer')!.args[0] as { fsPath: string };
        assert.equal(revealed.fsPath, Uri.file(`${ws.kb!}/.openkb/journal/quarantine`).fsPath);
    });

    test('a status that shows quarantined journals warns once, not on every refresh', async () => {
        const ws = await started((w) => {
            w.clients.server.onRequest('openkb/status', () => ({
                kb: '', documents: 1, pages: {}, pendingJournals: 0, quarantinedJournals: ['x9.json: not valid JSON'],
            }));
        });
        const quarantineWarnings = () => ws.vs.messages.filter((m) => m.items.includes('Reveal Quarantine Folder'));
        await eventually('the warning at start', () => quarantineWarnings().length === 1);
        assert.match(quarantineWarnings()[0].message, /x9\.json: not valid JSON/);
        ws.clients.server.onRequest('openkb/recover', () => nothing);
        await run(CommandId.recover); // refreshes the status again
        assert.equal(ws.vs.messages.at(-1)?.message, 'OpenKB: Nothing to recover.');
        assert.equal(quarantineWarnings().length, 1);
    });

    test('with two KBs it asks which one', async () => {
        const ws = await started((w) => makeKb(w.root, 'second'));
        ws.clients.server.onRequest('openkb/recover', () => nothing);
        ws.vs.answerQuickPick = (items) => items.find((i: { label: string }) => i.label === 'second');
        await run(CommandId.recover);
        assert.equal(ws.vs.quickPicks.length, 1);
        assert.match(ws.clients.server.requests('openkb/recover')[0].uri, /\/second$/);
    });
});

describe('Lint Knowledge Base', () => {
    const finding = {
        code: 'broken-link',
        severity: 'error',
        path: 'wiki/concepts/a.md',
        range: { start: { line: 2, character: 4 }, end: { line: 2, character: 20 } },
        message: 'Broken link [[missing]]',
    };

    test('lints the KB and offers the Problems panel when there are findings', async () => {
        const ws = await started();
        ws.clients.server.onRequest('openkb/lint', () => ({ findings: [finding], counts: { 'broken-link': 1 } }));
        ws.vs.answerMessage = () => 'Open Problems';
        await run(CommandId.lint);
        assert.deepEqual(ws.clients.server.requests('openkb/lint'), [{ uri: Uri.file(ws.kb!).toString() }]);
        assert.equal(ws.vs.messages.at(-1)?.message, 'OpenKB: 1 problem: 1 broken-link');
        await eventually('the Problems panel', () => ws.vs.executed.some((e) => e.id === 'workbench.actions.view.problems'));
    });

    test('lints just the page it is given', async () => {
        const ws = await started();
        ws.clients.server.onRequest('openkb/lint', () => ({ findings: [], counts: {} }));
        const page = Uri.file(`${ws.kb}/wiki/concepts/a.md`);
        await run(CommandId.lint, page);
        assert.deepEqual(ws.clients.server.requests('openkb/lint'), [{ uri: page.toString() }]);
        assert.equal(ws.vs.messages.at(-1)?.message, 'OpenKB: No problems found.');
    });
});

describe('Remove Document from Knowledge Base', () => {
    const plan = (dryRun: boolean) => ({
        docName: 'paper',
        dryRun,
        actions: [
            { action: 'delete', path: 'wiki/summaries/paper.md' },
            { action: 'modify', path: 'wiki/index.md' },
        ],
    });

    async function withDocuments(): Promise<Workspace> {
        const ws = await started();
        ws.clients.server.onRequest('openkb/documents', () => ({
            documents: [
                { docName: 'paper', name: 'paper.pdf', type: 'pdf' },
                { docName: 'notes', name: 'notes.md', type: 'md' },
            ],
        }));
        ws.clients.server.onRequest('openkb/remove', (p: RemoveParams) => plan(p.dryRun === true));
        ws.vs.answerQuickPick = (items) => items.find((i: { description: string }) => i.description === 'paper');
        return ws;
    }

    test('previews the dry run in a modal confirmation, then removes', async () => {
        const ws = await withDocuments();
        ws.vs.answerMessage = (m) => (m.options?.modal ? 'Remove' : undefined);
        await run(CommandId.remove);
        const kb = Uri.file(ws.kb!).toString();
        assert.deepEqual(ws.clients.server.requests('openkb/documents'), [{ uri: kb }]);
        assert.deepEqual(ws.clients.server.requests('openkb/remove'), [
            { docName: 'paper', kb, dryRun: true },
            { docName: 'paper', kb, dryRun: false },
        ]);
        const confirm = ws.vs.messages.find((m) => m.options?.modal)!;
        assert.equal(confirm.message, 'Remove "paper" from the knowledge base?');
        assert.equal(confirm.options?.detail, 'delete wiki/summaries/paper.md\nmodify wiki/index.md');
        assert.equal(ws.vs.messages.at(-1)?.message, 'OpenKB: Removed paper: 1 file deleted, 1 modified.');
    });

    test('removes nothing when the confirmation is dismissed', async () => {
        const ws = await withDocuments();
        await run(CommandId.remove);
        assert.deepEqual(ws.clients.server.requests('openkb/remove').map((p: RemoveParams) => p.dryRun), [true]);
    });

    test('shows the server\'s error when the remove fails', async () => {
        const ws = await withDocuments();
        ws.clients.server.onRequest('openkb/remove', () => {
            throw new RpcError(-32603, 'KB is locked: held by pid 4242');
        });
        await run(CommandId.remove);
        assert.equal(ws.vs.messages.at(-1)?.message, 'OpenKB could not remove the document: KB is locked: held by pid 4242');
    });
});
