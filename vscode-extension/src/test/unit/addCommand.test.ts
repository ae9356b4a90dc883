import { eventually, extensionContext, RpcError, vscodeMock, workspace, Workspace } from '../support/harness';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, test } from 'node:test';
import type { RequestMessage } from 'vscode-jsonrpc';
import { webUrlProblem } from '../../commands/add';
import { CommandId } from '../../commands/ids';
import { activate, deactivate } from '../../extension';
import { AddParams, AddResult, FileProgressParams } from '../../protocol';

const { Uri } = vscodeMock;

/** Real files to add, outside the KB (as a user's downloads are). */
function docs(ws: Workspace, ...names: string[]): vscodeMock.Uri[] {
    return names.map((name) => {
        const file = path.join(ws.root, 'incoming', name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        if (name.endsWith('/')) {
            fs.mkdirSync(file, { recursive: true });
        } else {
            fs.writeFileSync(file, `content of ${name}`);
        }
        return Uri.file(file);
    });
}

/** A result as the server makes it; its summary in the server's wording (zero counts left out except added). */
const result = (files: AddResult['files'], unsupported = 0): AddResult => {
    const count = (status: string) => files.filter((f) => f.status === status).length;
    const parts = [`${count('added')} added`];
    for (const status of ['skipped', 'failed', 'cancelled']) {
        if (count(status) > 0) {
            parts.push(`${count(status)} ${status}`);
        }
    }
    if (unsupported > 0) {
        parts.push(`${unsupported} unsupported`);
    }
    return {
        added: count('added'),
        skipped: count('skipped'),
        failed: count('failed'),
        cancelled: count('cancelled'),
        files,
        unsupported,
        summary: parts.join(', '),
    };
};

async function started(options: { withKb?: boolean } = {}): Promise<Workspace> {
    const ws = workspace(options);
    ws.clients.server.onRequest('openkb/add', (p: AddParams) => result(p.uris.map((uri) => ({ uri, status: 'added' }))));
    await activate(extensionContext(ws) as never);
    await eventually('the server', () => ws.clients.clients[0]?.running === true);
    return ws;
}

const add = (...args: unknown[]) => vscodeMock.vscode.commands.executeCommand(CommandId.add, ...args);
const addRequests = (ws: Workspace): AddParams[] => ws.clients.server.requests('openkb/add');

afterEach(async () => {
    await deactivate();
});

describe('what "Add to Knowledge Base" sends', () => {
    test('a single explorer selection sends that file, the KB, and a work-done token', async () => {
        const ws = await started();
        const [pdf] = docs(ws, 'report.pdf');
        await add(pdf, [pdf]);
        assert.equal(addRequests(ws).length, 1);
        const params = addRequests(ws)[0];
        assert.deepEqual(params.uris, [pdf.toString()]);
        assert.equal(params.kb, Uri.file(ws.kb!).toString());
        assert.equal(typeof params.workDoneToken, 'string');
        assert.equal('jobs' in params, false, 'jobs only when set');
    });

    test('a multi-selection sends every selected file and folder once, with the jobs setting', async () => {
        const ws = await started();
        ws.vs.settings['openkb.add.jobs'] = 3;
        const [a, b, folder] = docs(ws, 'a.md', 'B.PDF', 'sub/');
        await add(b, [a, b, folder]);
        assert.deepEqual(addRequests(ws)[0].uris, [a.toString(), b.toString(), folder.toString()]);
        assert.equal(addRequests(ws)[0].jobs, 3);
    });

    test('unsupported files in a selection are left out and logged', async () => {
        const ws = await started();
        const [md, png] = docs(ws, 'a.md', 'image.png');
        await add(md, [md, png]);
        assert.deepEqual(addRequests(ws)[0].uris, [md.toString()]);
        assert.ok(ws.vs.outputs[0].lines.some((l) => l.includes('left out') && l.includes('image.png')));
    });

    test('a selection of only unsupported files sends nothing and says what can be added', async () => {
        const ws = await started();
        const [png] = docs(ws, 'image.png');
        await add(png, [png]);
        assert.equal(addRequests(ws).length, 0);
        assert.match(ws.vs.messages.at(-1)!.message, /OpenKB can add folders and \.md .*\.csv files/);
    });

    test('the editor title menu passes the file and editor details: only the file is sent', async () => {
        const ws = await started();
        const [txt] = docs(ws, 'notes.txt');
        await add(txt, { groupId: 1 });
        assert.deepEqual(addRequests(ws)[0].uris, [txt.toString()]);
    });

    test('from the command palette a file dialog chooses', async () => {
        const ws = await started();
        const [html] = docs(ws, 'page.html');
        ws.vs.answerOpenDialog = () => [html];
        await add();
        assert.deepEqual(addRequests(ws)[0].uris, [html.toString()]);
    });

    test('the server\'s refusal (e.g. an ambiguous KB) is shown as an error', async () => {
        const ws = await started();
        ws.clients.server.onRequest('openkb/add', () => {
            throw new RpcError(-32602, 'The KB is ambiguous: /w/a, /w/b');
        });
        const [pdf] = docs(ws, 'report.pdf');
        await add(pdf, [pdf]);
        assert.deepEqual(ws.vs.messages.at(-1), {
            kind: 'error',
            message: 'OpenKB could not add: The KB is ambiguous: /w/a, /w/b',
            items: [],
            options: undefined,
        });
    });
});

describe('progress and summary of an add', () => {
    const stage = (uri: string, index: number, s: FileProgressParams['stage'], extra: Partial<FileProgressParams> = {}): FileProgressParams => ({
        uri,
        index,
        total: 2,
        stage: s,
        percent: 0,
        message: `${index}/2 ${s}`,
        summary: '0 added',
        ...extra,
    });

    test("the notification shows the server's message and percentage from openkb/fileProgress, and the summary offers the failures", async () => {
        const ws = await started();
        const [a, b] = docs(ws, 'a.md', 'b.pdf');
        const seenInStatusBar: string[] = [];
        ws.vs.onProgressReport = () => seenInStatusBar.push(ws.vs.statusItems[0].text);
        ws.clients.server.onRequest('openkb/add', async () => {
            const s = ws.clients.server;
            await s.notify('openkb/fileProgress', stage(a.toString(), 1, 'hashing', { percent: 2, message: '1/2 hashing a.md' }));
            await s.notify('openkb/fileProgress', stage(a.toString(), 1, 'done', { status: 'added', docName: 'a', percent: 50, message: '1/2 added a.md' }));
            await s.notify('openkb/fileProgress', stage(b.toString(), 2, 'converting', { percent: 55, message: '2/2 converting b.pdf' }));
            // A percentage that went backwards (it never does) would not move the bar back.
            await s.notify('openkb/fileProgress', stage(b.toString(), 2, 'converting', { percent: 40, message: '2/2 converting b.pdf (page 2)' }));
            await s.notify('openkb/fileProgress', stage(b.toString(), 2, 'done', { status: 'failed', reason: 'PDF is encrypted', percent: 100, message: '2/2 failed b.pdf' }));
            return result([
                { uri: a.toString(), status: 'added', docName: 'a' },
                { uri: b.toString(), status: 'failed', reason: 'PDF is encrypted' },
            ]);
        });
        ws.vs.answerMessage = (m) => (m.items.includes('Show Failures') ? 'Show Failures' : undefined);
        await add(a, [a, b]);

        const run = ws.vs.progressRuns[0];
        assert.deepEqual(run.options, { location: vscodeMock.ProgressLocation.Notification, title: 'Adding to OpenKB', cancellable: true });
        assert.deepEqual(
            run.reports.map((r) => r.message),
            ['starting…', '1/2 hashing a.md', '1/2 added a.md', '2/2 converting b.pdf', '2/2 converting b.pdf (page 2)', '2/2 failed b.pdf'],
        );
        assert.deepEqual(run.reports.map((r) => r.increment ?? 0), [0, 2, 48, 5, 0, 45], "the server's percentage, as increments");
        assert.equal(seenInStatusBar.at(-1), '$(sync~spin) OpenKB: adding 2/2');
        assert.equal(ws.vs.statusItems[0].text, '$(book) OpenKB', 'idle again afterwards');

        const summary = ws.vs.messages.at(-1)!;
        assert.equal(summary.kind, 'warning');
        assert.equal(summary.message, 'OpenKB: 1 added, 1 failed.');
        assert.deepEqual(summary.items, ['Show Failures']);
        await eventually('"Show Failures" to show the output', () => ws.vs.outputs[0].shown);
        assert.ok(ws.vs.outputs[0].lines.includes(`failed: b.pdf (${b.toString()}): PDF is encrypted`));
    });

    test('a clean add ends with an information message and no button', async () => {
        const ws = await started();
        const [a] = docs(ws, 'a.md');
        await add(a, [a]);
        assert.deepEqual(ws.vs.messages.at(-1), { kind: 'info', message: 'OpenKB: 1 added.', items: [], options: undefined });
    });

    test("the summary is the server's line word for word, unsupported files included", async () => {
        const ws = await started();
        const [folder] = docs(ws, 'batch/');
        ws.clients.server.onRequest('openkb/add', () => ({ ...result([]), summary: '9 added, 1 unsupported' }));
        await add(folder, [folder]);
        assert.equal(ws.vs.messages.at(-1)?.message, 'OpenKB: 9 added, 1 unsupported.');
    });

    test('the add is over when its summary appears, even while the notification stays open', async () => {
        const ws = await started();
        const [a, b] = docs(ws, 'a.md', 'b.md');
        ws.vs.answerMessage = () => new Promise(() => undefined);
        await add(a, [a]);
        await add(b, [b]);
        assert.equal(addRequests(ws).length, 2, 'the second add was not refused as "already adding"');
        assert.equal(ws.vs.statusItems[0].text, '$(book) OpenKB');
    });

    test('without file notifications, the $/progress messages on the work-done token are shown', async () => {
        const ws = await started();
        const [a] = docs(ws, 'a.md');
        ws.clients.server.onRequest('openkb/add', async (p: AddParams) => {
            const token = p.workDoneToken;
            await ws.clients.server.notify('$/progress', { token, value: { kind: 'begin', title: 'Adding', message: '0/1' } });
            await ws.clients.server.notify('$/progress', { token, value: { kind: 'report', message: '1/1 converting a.md', percentage: 50 } });
            await ws.clients.server.notify('$/progress', { token, value: { kind: 'end', message: 'done' } });
            return result([{ uri: a.toString(), status: 'added' }]);
        });
        await add(a, [a]);
        assert.deepEqual(ws.vs.progressRuns[0].reports.map((r) => r.message), ['starting…', '0/1', '1/1 converting a.md']);
    });

    test('a second add while one runs is refused with a message, not queued behind it', async () => {
        const ws = await started();
        const [a, b] = docs(ws, 'a.md', 'b.md');
        let release: () => void = () => undefined;
        ws.clients.server.onRequest('openkb/add', (p: AddParams) => new Promise((resolve) => {
            release = () => resolve(result(p.uris.map((uri) => ({ uri, status: 'added' }))));
        }));
        const first = add(a, [a]);
        await eventually('the first add to reach the server', () => addRequests(ws).length === 1);
        await add(b, [b]);
        assert.match(ws.vs.messages.at(-1)!.message, /already adding files/);
        release();
        await first;
        assert.equal(addRequests(ws).length, 1);
    });
});

describe('cancelling an add', () => {
    const isCancelOf = (id: RequestMessage['id']) => (m: unknown) =>
        (m as RequestMessage).method === '$/cancelRequest' && (m as { params: { id: unknown } }).params.id === id;

    test('Cancel sends $/cancelRequest for the add request, and the summary counts the cancelled files', async () => {
        const ws = await started();
        const [a, b, c] = docs(ws, 'a.md', 'b.md', 'c.md');
        let cancelSeen = false;
        ws.clients.server.onRequest('openkb/add', async (p: AddParams, request: RequestMessage) => {
            const s = ws.clients.server;
            await s.notify('openkb/fileProgress', { uri: a.toString(), index: 1, total: 3, stage: 'converting', percent: 3, message: '1/3 converting a.md', summary: '0 added' });
            await s.waitFor(isCancelOf(request.id));
            cancelSeen = true;
            return result([
                { uri: p.uris[0], status: 'added' },
                { uri: p.uris[1], status: 'cancelled' },
                { uri: p.uris[2], status: 'cancelled' },
            ]);
        });
        ws.vs.onProgressReport = (run) => {
            if (run.reports.at(-1)?.message?.includes('converting')) {
                run.cancel();
            }
        };
        await add(a, [a, b, c]);
        assert.equal(cancelSeen, true, 'the server saw $/cancelRequest with the id of the add');
        assert.deepEqual(ws.vs.messages.at(-1)?.message, 'OpenKB: 1 added, 2 cancelled.');
    });

    test('a server that answers the cancel with RequestCancelled gets an "add cancelled" summary, not an error', async () => {
        const ws = await started();
        const [a, b] = docs(ws, 'a.md', 'b.md');
        ws.clients.server.onRequest('openkb/add', async (_p: AddParams, request: RequestMessage) => {
            await ws.clients.server.notify('openkb/fileProgress', {
                uri: a.toString(), index: 1, total: 2, stage: 'done', status: 'added', percent: 50, message: '1/2 added a.md', summary: '1 added',
            });
            await ws.clients.server.waitFor(isCancelOf(request.id));
            throw new RpcError(-32800, 'cancelled');
        });
        ws.vs.onProgressReport = (run) => {
            if (run.reports.length === 2) {
                run.cancel();
            }
        };
        await add(a, [a, b]);
        assert.deepEqual(ws.vs.messages.at(-1), {
            kind: 'info',
            message: 'OpenKB: add cancelled (1 added).',
            items: [],
            options: undefined,
        });
    });
});

describe('"Add URL…"', () => {
    const addUrl = (url?: string) => vscodeMock.vscode.commands.executeCommand(CommandId.addUrl, url);

    test('sends the http(s) URL as it is, with the KB, for the server to download', async () => {
        const ws = await started();
        await addUrl('https://arxiv.org/pdf/1706.03762');
        assert.equal(addRequests(ws).length, 1);
        assert.deepEqual(addRequests(ws)[0].uris, ['https://arxiv.org/pdf/1706.03762']);
        assert.equal(addRequests(ws)[0].kb, Uri.file(ws.kb!).toString());
    });

    test('refuses other schemes and text that is no URL before anything is sent', async () => {
        const ws = await started();
        await addUrl('ftp://example.com/paper.pdf');
        await addUrl('paper.pdf');
        assert.equal(addRequests(ws).length, 0);
        assert.equal(webUrlProblem('ftp://example.com/a'), 'Only http and https URLs can be added (not ftp)');
        assert.match(webUrlProblem('paper.pdf')!, /full URL/);
        assert.equal(webUrlProblem(' http://example.com/a '), undefined);
    });
});
