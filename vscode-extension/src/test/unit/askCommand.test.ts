import { eventually, extensionContext, vscodeMock, workspace, Workspace } from '../support/harness';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, test } from 'node:test';
import { CommandId } from '../../commands/ids';
import { activate, deactivate } from '../../extension';
import { QueryResult } from '../../protocol';

const { Uri } = vscodeMock;
const ask = () => vscodeMock.vscode.commands.executeCommand(CommandId.ask);

/** The extension running on a KB with one concept page, and a server that streams its answers in two pieces. */
async function started(): Promise<Workspace> {
    const ws = workspace();
    fs.mkdirSync(path.join(ws.kb!, 'wiki', 'concepts'), { recursive: true });
    fs.writeFileSync(path.join(ws.kb!, 'wiki', 'concepts', 'attention.md'), '# Attention\n\nIt weighs tokens.\n');
    await activate(extensionContext(ws) as never);
    await eventually('the server', () => ws.clients.clients[0]?.running === true);
    ws.clients.server.onRequest('openkb/query', async (params): Promise<QueryResult> => {
        await ws.clients.server.notify('$/progress', { token: params.partialResultToken, value: { chunk: 'It weighs ' } });
        await ws.clients.server.notify('$/progress', { token: params.partialResultToken, value: { chunk: 'tokens: [[concepts/attention]].' } });
        return {
            question: params.question,
            answer: 'It weighs tokens: [[concepts/attention]].',
            mode: 'offline',
            sources: [{ page: 'concepts/attention', title: 'Attention', score: 2, snippet: 'It weighs tokens.', range: { startLine: 2, endLine: 3, pdfPage: 0 } }],
        };
    });
    return ws;
}

/** The last state of turn `id` the panel was sent. */
function lastTurn(panel: vscodeMock.MockWebviewPanel, id: number): any {
    return panel.posted.filter((m) => m.type === 'turn' && m.turn.id === id).at(-1)?.turn;
}

afterEach(async () => {
    await deactivate();
});

describe('OpenKB: Ask…', () => {
    test('from the palette: asks for the question, opens the KB\'s panel and streams the answer into it', async () => {
        const ws = await started();
        ws.vs.answerInputBox = () => 'What is attention?';
        await ask();

        assert.equal(ws.vs.inputBoxes.length, 1);
        assert.equal(ws.vs.panels.length, 1);
        const panel = ws.vs.panels[0];
        assert.equal(panel.viewType, 'openkb.ask');
        assert.equal(panel.title, `Ask ${path.basename(ws.kb!)}`);
        assert.equal(panel.options.enableScripts, true);
        assert.match(panel.webview.html, /Content-Security-Policy" content="default-src &#39;none&#39;/);
        assert.match(panel.webview.html, /src="https:\/\/webview\.test[^"]*\/media\/ask\.js"/);
        assert.deepEqual(ws.clients.server.requests('openkb/query').map((p) => [p.question, p.kb]), [['What is attention?', Uri.file(ws.kb!).toString()]]);
        const done = lastTurn(panel, 1);
        assert.equal(done.status, 'done');
        assert.match(done.html, /It weighs tokens: <a href="concepts\/attention\.md"/);
        assert.deepEqual(done.sources.map((s: { page: string }) => s.page), ['concepts/attention']);
    });

    test('from the editor: the selection is the question, no input box', async () => {
        const ws = await started();
        ws.vs.activeTextEditor = vscodeMock.textEditor(path.join(ws.kb!, 'wiki', 'concepts', 'attention.md'), '  weighs tokens  ');
        await ask();
        assert.equal(ws.vs.inputBoxes.length, 0);
        assert.deepEqual(ws.clients.server.requests('openkb/query').map((p) => p.question), ['weighs tokens']);
    });

    test('a click on a source opens the page at the cited range; a second Ask reuses the panel as a follow-up', async () => {
        const ws = await started();
        ws.vs.answerInputBox = () => 'What is attention?';
        await ask();
        const panel = ws.vs.panels[0];
        panel.receive({ type: 'openSource', turn: 1, index: 0 });
        await eventually('the page to open', () => ws.vs.shownDocuments.length === 1);
        const shown = ws.vs.shownDocuments[0];
        assert.equal(shown.uri.fsPath, fs.realpathSync(path.join(ws.kb!, 'wiki', 'concepts', 'attention.md')));
        assert.deepEqual([shown.options.selection.start.line, shown.options.selection.end.line], [2, 3], 'the cited lines are selected');
        assert.equal(shown.options.viewColumn, vscodeMock.ViewColumn.Two, 'the page opens beside the panel (in column one), not over it');

        ws.vs.answerInputBox = () => 'And tokens?';
        await ask();
        assert.equal(ws.vs.panels.length, 1, 'one panel per KB');
        assert.equal(panel.revealed, 1);
        assert.equal(lastTurn(panel, 2).question, 'And tokens?');

        panel.receive({ type: 'ready' });
        await eventually('the conversation replayed', () => panel.posted.some((m) => m.type === 'reset' && m.turns.length === 2));
    });

    test('a link in an answer that leaves the wiki opens nothing and says why', async () => {
        const ws = await started();
        ws.vs.answerInputBox = () => 'q';
        await ask();
        ws.vs.panels[0].receive({ type: 'openLink', href: '../.openkb/config.yaml' });
        await eventually('a warning', () => ws.vs.messages.some((m) => m.kind === 'warning'));
        assert.equal(ws.vs.shownDocuments.length, 0);
        ws.vs.panels[0].receive({ type: 'openLink', href: 'https://example.org/' });
        await eventually('the browser', () => ws.vs.openedExternal.length === 1);
    });

    test('closing the panel and asking again opens a fresh one', async () => {
        const ws = await started();
        ws.vs.answerInputBox = () => 'q';
        await ask();
        ws.vs.panels[0].dispose();
        await ask();
        assert.equal(ws.vs.panels.length, 2);
    });

    test('dismissing the question box opens nothing', async () => {
        const ws = await started();
        await ask();
        assert.equal(ws.vs.panels.length, 0);
        assert.equal(ws.clients.server.requests('openkb/query').length, 0);
    });
});
