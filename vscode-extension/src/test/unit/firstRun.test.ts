import { eventually, extensionContext, recordingJdk, RpcError, vscodeMock, workspace, Workspace } from '../support/harness';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, test } from 'node:test';
import { CommandId, HAS_KB_CONTEXT } from '../../commands/ids';
import { activate, deactivate } from '../../extension';
import { AddParams, AddResult } from '../../protocol';

const { Uri } = vscodeMock;
const run = (id: string, ...args: unknown[]) => vscodeMock.vscode.commands.executeCommand(id, ...args);
const added = (uris: string[]): AddResult => ({
    added: uris.length, skipped: 0, failed: 0, cancelled: 0, files: uris.map((uri) => ({ uri, status: 'added' })), unsupported: 0, summary: `${uris.length} added`,
});

/** A document in the workspace folder, as a new user has before any KB. */
function doc(ws: Workspace, name: string): vscodeMock.Uri {
    const file = path.join(ws.root, 'papers', name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `content of ${name}`);
    return Uri.file(file);
}

/** The server creates the KB's marker on openkb/init, as the real one does. */
function serverCreatesKbs(ws: Workspace): void {
    ws.clients.server.onRequest('openkb/init', (p: { uri: string }) => {
        const openkb = path.join(Uri.parse(p.uri).fsPath, '.openkb');
        fs.mkdirSync(openkb, { recursive: true });
        fs.writeFileSync(path.join(openkb, 'config.yaml'), 'model: offline\n');
        return { kb: p.uri, model: 'offline' };
    });
    ws.clients.server.onRequest('openkb/add', (p: AddParams) => added(p.uris));
}

afterEach(async () => {
    await deactivate();
});

describe('"Add to Knowledge Base" before there is a KB', () => {
    test('offers to create one in the workspace folder, creates it, then adds to it', async () => {
        const ws = workspace({ withKb: false });
        serverCreatesKbs(ws);
        ws.vs.answerMessage = (m) => (m.options?.modal ? 'Create Knowledge Base' : undefined);
        await activate(extensionContext(ws) as never);
        const pdf = doc(ws, 'paper.pdf');
        await run(CommandId.add, pdf, [pdf]);
        const offer = ws.vs.messages.find((m) => m.options?.modal)!;
        assert.equal(offer.message, `There is no OpenKB knowledge base in this workspace yet. Create one in ${ws.root}?`);
        assert.deepEqual(offer.items, ['Create Knowledge Base']);
        assert.deepEqual(ws.clients.server.requests('openkb/init'), [{ uri: Uri.file(ws.root).toString() }]);
        assert.equal(ws.vs.context.get(HAS_KB_CONTEXT), true);
        const [params] = ws.clients.server.requests('openkb/add') as AddParams[];
        assert.deepEqual([params.uris, params.kb], [[pdf.toString()], Uri.file(ws.root).toString()]);
        assert.equal(ws.vs.messages.at(-1)?.message, 'OpenKB: 1 added.');
    });

    test('adding the workspace folder the KB was just created in adds its documents, not the KB\'s own folders', async () => {
        const ws = workspace({ withKb: false });
        serverCreatesKbs(ws);
        ws.clients.server.onRequest('openkb/init', (p: { uri: string }) => {
            const kb = Uri.parse(p.uri).fsPath;
            for (const dir of ['.openkb', 'raw', 'wiki']) {
                fs.mkdirSync(path.join(kb, dir), { recursive: true });
            }
            fs.writeFileSync(path.join(kb, '.openkb', 'config.yaml'), 'model: offline\n');
            fs.writeFileSync(path.join(kb, 'wiki', 'index.md'), '# Index\n');
            return { kb: p.uri, model: 'offline' };
        });
        ws.vs.answerMessage = (m) => (m.options?.modal ? 'Create Knowledge Base' : undefined);
        await activate(extensionContext(ws) as never);
        const pdf = doc(ws, 'paper.pdf');
        await run(CommandId.add, Uri.file(ws.root), [Uri.file(ws.root)]);
        const [params] = ws.clients.server.requests('openkb/add') as AddParams[];
        assert.deepEqual(params.uris, [Uri.file(path.dirname(pdf.fsPath)).toString()]);
    });

    test('declining creates nothing and adds nothing', async () => {
        const ws = workspace({ withKb: false });
        serverCreatesKbs(ws);
        await activate(extensionContext(ws) as never);
        const pdf = doc(ws, 'paper.pdf');
        await run(CommandId.add, pdf, [pdf]);
        assert.equal(ws.vs.messages.filter((m) => m.options?.modal).length, 1);
        assert.deepEqual(ws.clients.server.requests('openkb/init'), []);
        assert.deepEqual(ws.clients.server.requests('openkb/add'), []);
        assert.equal(fs.existsSync(path.join(ws.root, '.openkb')), false);
    });
});

describe('"Initialize Knowledge Base" with the model settings', () => {
    test('offline (the default) goes through the server\'s openkb/init', async () => {
        const ws = workspace({ withKb: false });
        serverCreatesKbs(ws);
        await activate(extensionContext(ws) as never);
        await run(CommandId.init);
        assert.deepEqual(ws.clients.server.requests('openkb/init'), [{ uri: Uri.file(ws.root).toString() }]);
    });

    test('another model runs the jar\'s init with --model and --base-url, which approves that endpoint', async () => {
        const ws = workspace({ withKb: false });
        const jdk = recordingJdk('Initialized knowledge base');
        ws.vs.settings['openkb.java.home'] = jdk.home;
        ws.vs.settings['openkb.llm.model'] = 'gpt-5.4';
        ws.vs.settings['openkb.llm.baseUrl'] = 'http://localhost:11434/v1';
        await activate(extensionContext(ws) as never);
        const folder = Uri.file(path.join(ws.root, 'notes'));
        await run(CommandId.initHere, folder);
        const [call] = jdk.calls();
        assert.deepEqual(call.slice(call.indexOf('-jar') + 2), ['init', folder.fsPath, '--model', 'gpt-5.4', '--base-url', 'http://localhost:11434/v1']);
        assert.deepEqual(ws.clients.server.requests('openkb/init'), []);
        assert.equal(ws.vs.messages.at(-1)?.message, `OpenKB: created a knowledge base in ${folder.fsPath}.`);
    });

    test('a failing jar init is reported with what it printed', async () => {
        const ws = workspace({ withKb: false });
        const jdk = recordingJdk('', 2);
        ws.vs.settings['openkb.java.home'] = jdk.home;
        ws.vs.settings['openkb.llm.model'] = 'gpt-5.4';
        await activate(extensionContext(ws) as never);
        await run(CommandId.init);
        assert.match(ws.vs.messages.at(-1)!.message, /^OpenKB could not create a knowledge base in .*: openkb init .* exited with 2$/);
    });
});

describe('an LLM endpoint the user has not approved', () => {
    function refusal(kb: string): string {
        return `ENDPOINT_NOT_APPROVED: ${kb}/.openkb/config.yaml: the KB's LLM endpoint https://llm.example.com/v1 is not approved for your API key; run: openkb trust --kb ${kb}`;
    }

    /** A KB workspace whose server refuses every file until `trust` ran (the recording java). */
    async function refusingUntilTrusted(): Promise<{ ws: Workspace; calls: () => string[][] }> {
        const ws = workspace();
        const jdk = recordingJdk('Approved https://llm.example.com/v1 for ' + ws.kb);
        ws.vs.settings['openkb.java.home'] = jdk.home;
        const trusted = (): boolean => jdk.calls().some((c) => c.includes('trust'));
        ws.clients.server.onRequest('openkb/add', (p: AddParams) =>
            trusted()
                ? added(p.uris)
                : {
                      added: 0, skipped: 0, failed: p.uris.length, cancelled: 0, files: p.uris.map((uri) => ({ uri, status: 'failed', reason: refusal(ws.kb!) })),
                      unsupported: 0, summary: `0 added, ${p.uris.length} failed`,
                  },
        );
        await activate(extensionContext(ws) as never);
        await eventually('the server', () => ws.clients.clients[0]?.running === true);
        return { ws, calls: jdk.calls };
    }

    test('asks in a modal; Allow runs `trust --kb <kb>` and adds the refused files again', async () => {
        const { ws, calls } = await refusingUntilTrusted();
        ws.vs.answerMessage = (m) => (m.options?.modal ? 'Allow' : undefined);
        const pdf = doc(ws, 'paper.pdf');
        await run(CommandId.add, pdf, [pdf]);
        const modal = ws.vs.messages.find((m) => m.options?.modal)!;
        assert.equal(modal.message, 'Allow this knowledge base to send your API key to https://llm.example.com/v1?');
        assert.match(modal.options!.detail!, /openkb trust --kb /);
        const trustCall = calls().find((c) => c.includes('trust'))!;
        assert.deepEqual(trustCall.slice(trustCall.indexOf('-jar') + 2), ['trust', '--kb', ws.kb!]);
        assert.deepEqual(ws.clients.server.requests('openkb/add').map((p: AddParams) => p.uris), [[pdf.toString()], [pdf.toString()]]);
        assert.equal(ws.vs.messages.at(-1)?.message, 'OpenKB: 1 added.');
    });

    test('a server that still refuses after the approval is asked about once, then reported', async () => {
        const ws = workspace();
        ws.vs.settings['openkb.java.home'] = recordingJdk().home;
        ws.clients.server.onRequest('openkb/add', (p: AddParams) => ({
            added: 0, skipped: 0, failed: 1, cancelled: 0, files: p.uris.map((uri) => ({ uri, status: 'failed', reason: refusal(ws.kb!) })),
            unsupported: 0, summary: '0 added, 1 failed',
        }));
        ws.vs.answerMessage = (m) => (m.options?.modal ? 'Allow' : undefined);
        await activate(extensionContext(ws) as never);
        const pdf = doc(ws, 'paper.pdf');
        await run(CommandId.add, pdf, [pdf]);
        assert.equal(ws.vs.messages.filter((m) => m.options?.modal).length, 1);
        assert.equal(ws.clients.server.requests('openkb/add').length, 2);
        assert.equal(ws.vs.messages.at(-1)?.kind, 'warning');
    });

    test('dismissing the modal approves nothing, retries nothing, and reports the failure', async () => {
        const { ws, calls } = await refusingUntilTrusted();
        const pdf = doc(ws, 'paper.pdf');
        await run(CommandId.add, pdf, [pdf]);
        assert.deepEqual(calls(), []);
        assert.equal(ws.clients.server.requests('openkb/add').length, 1);
        assert.equal(ws.vs.messages.at(-1)?.kind, 'warning');
        assert.match(ws.vs.messages.at(-1)!.message, /1 failed/);
    });

    test('in Restricted Mode it offers Workspace Trust instead of approving the endpoint', async () => {
        const { ws, calls } = await refusingUntilTrusted();
        ws.vs.trusted = false;
        ws.vs.answerMessage = (m) => (m.options?.modal ? m.items[0] : undefined);
        const pdf = doc(ws, 'paper.pdf');
        await run(CommandId.add, pdf, [pdf]);
        assert.equal(ws.vs.messages.find((m) => m.options?.modal)?.message, 'OpenKB makes no LLM calls in Restricted Mode.');
        assert.ok(ws.vs.executed.some((e) => e.id === 'workbench.trust.manage'));
        assert.deepEqual(calls(), []);
        assert.equal(ws.clients.server.requests('openkb/add').length, 1);
    });

    test('a refused request (not a file) is approved and sent again whole', async () => {
        const ws = workspace();
        const jdk = recordingJdk();
        ws.vs.settings['openkb.java.home'] = jdk.home;
        ws.clients.server.onRequest('openkb/add', (p: AddParams) => {
            if (!jdk.calls().some((c) => c.includes('trust'))) {
                throw new RpcError(-32803, refusal(ws.kb!));
            }
            return added(p.uris);
        });
        ws.vs.answerMessage = (m) => (m.options?.modal ? 'Allow' : undefined);
        await activate(extensionContext(ws) as never);
        const a = doc(ws, 'a.md');
        const b = doc(ws, 'b.md');
        await run(CommandId.add, a, [a, b]);
        assert.equal(ws.clients.server.requests('openkb/add').length, 2);
        assert.deepEqual(ws.clients.server.requests('openkb/add')[1].uris, [a.toString(), b.toString()]);
        assert.equal(ws.vs.messages.at(-1)?.message, 'OpenKB: 2 added.');
    });
});
