import { eventually, extensionContext, fakeJdk, languageClientMock, vscodeMock, workspace } from '../support/harness';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { OpenKbErrorHandler } from '../../client/errorHandler';
import { CommandId, HAS_KB_CONTEXT } from '../../commands/ids';
import { activate, deactivate } from '../../extension';
import { readPackageJson } from '../support/packageJson';

const contributed = (): string[] => readPackageJson().contributes.commands.map((c: { command: string }) => c.command);

describe('activation', () => {
    test('registers every command package.json contributes, and no other', async () => {
        const ws = workspace();
        await activate(extensionContext(ws) as never);
        assert.deepEqual([...ws.vs.commands.keys()].sort(), contributed().sort());
        await deactivate();
    });

    test('sets openkb.hasKb when the workspace holds a KB, and starts the server right away', async () => {
        const ws = workspace();
        await activate(extensionContext(ws) as never);
        assert.equal(ws.vs.context.get(HAS_KB_CONTEXT), true);
        await eventually('the language client to start', () => ws.clients.clients[0]?.running === true);
        await eventually('the pending-journal check', () => ws.clients.server.requests('openkb/status').length === 1);
        assert.deepEqual(ws.clients.server.requests('openkb/status'), [{ uri: vscodeMock.Uri.file(ws.kb!).toString() }]);
        await deactivate();
        assert.equal(ws.clients.clients[0].stopped, true);
    });

    test('without a KB it clears openkb.hasKb and starts no server until a command needs one', async () => {
        const ws = workspace({ withKb: false });
        await activate(extensionContext(ws) as never);
        assert.equal(ws.vs.context.get(HAS_KB_CONTEXT), false);
        assert.equal(ws.clients.clients.length, 0);
        await deactivate();
    });

    test('launches java -XX:+ExitOnOutOfMemoryError -jar <bundled jar> lsp for wiki pages, with settings and error handler', async () => {
        const ws = workspace();
        ws.vs.settings['openkb.server.logLevel'] = 'debug';
        await activate(extensionContext(ws) as never);
        await eventually('the language client', () => ws.clients.clients.length === 1);
        const client = ws.clients.clients[0];
        const run = client.serverOptions.run;
        assert.equal(run.command, path.join(ws.vs.settings['openkb.java.home'] as string, 'bin', 'java'));
        assert.equal(run.transport, languageClientMock.TransportKind.stdio);
        assert.deepEqual(run.args.slice(-3), ['-jar', path.join(ws.extensionPath, 'server', 'openkb.jar'), 'lsp']);
        assert.ok(run.args.includes('-XX:+ExitOnOutOfMemoryError'));
        assert.ok(client.serverOptions.debug.args.some((a: string) => a.startsWith('-agentlib:jdwp=')));
        assert.deepEqual(client.clientOptions.documentSelector, [{ scheme: 'file', language: 'markdown', pattern: '**/wiki/**' }]);
        assert.equal(client.clientOptions.initializationOptions.settings.openkb.server.logLevel, 'debug');
        assert.ok(client.clientOptions.errorHandler instanceof OpenKbErrorHandler);
        assert.equal(client.clientOptions.synchronize.configurationSection, 'openkb');
        await deactivate();
    });

    test('the status bar shows "recovery needed" when the server reports pending journals', async () => {
        const ws = workspace();
        ws.clients.server.onRequest('openkb/status', () => ({ kb: '', documents: 3, pages: {}, pendingJournals: 1 }));
        await activate(extensionContext(ws) as never);
        await eventually('the status bar to ask for recovery', () => ws.vs.statusItems[0]?.text === '$(alert) OpenKB: recovery needed');
        assert.equal(ws.vs.statusItems[0].command, CommandId.recover);
        await deactivate();
    });

    test('changing the Java home restarts the server with the new Java; other settings do not', async () => {
        const ws = workspace();
        await activate(extensionContext(ws) as never);
        await eventually('the first server', () => ws.clients.clients[0]?.running === true);
        vscodeMock.changeSettings({ 'openkb.add.jobs': 4 });
        const newJdk = fakeJdk('openjdk version "21.0.2"');
        vscodeMock.changeSettings({ 'openkb.java.home': newJdk });
        await eventually('a second server', () => ws.clients.clients[1]?.running === true);
        assert.equal(ws.clients.clients[0].stopped, true, 'the old server was stopped');
        assert.equal(ws.clients.clients[1].serverOptions.run.command, path.join(newJdk, 'bin', 'java'));
        assert.equal(ws.clients.clients.length, 2);
        await deactivate();
    });

    test('"Show Server Output" shows the OpenKB output channel', async () => {
        const ws = workspace({ withKb: false });
        await activate(extensionContext(ws) as never);
        await vscodeMock.vscode.commands.executeCommand(CommandId.showOutput);
        assert.equal(ws.vs.outputs[0].name, 'OpenKB');
        assert.equal(ws.vs.outputs[0].shown, true);
        await deactivate();
    });

    test('the status bar counts the diagnostics the server published', async () => {
        const ws = workspace({ withKb: false });
        await activate(extensionContext(ws) as never);
        const page = vscodeMock.Uri.file(path.join(ws.root, 'wiki', 'a.md'));
        ws.vs.diagnostics = [[page, [{ source: 'openkb', message: 'broken link' }, { source: 'markdownlint', message: 'x' }, { source: 'openkb', message: 'y' }]]];
        ws.vs.diagnosticsChanged.fire({});
        assert.equal(ws.vs.statusItems[0].text, '$(warning) OpenKB: 2 problems');
        await deactivate();
    });

    test('"Initialize Knowledge Base Here" asks the server to create the KB, then shows the Add menus', async () => {
        const ws = workspace({ withKb: false });
        const folder = path.join(ws.root, 'notes');
        ws.clients.server.onRequest('openkb/init', (params: { uri: string }) => {
            const openkb = path.join(vscodeMock.Uri.parse(params.uri).fsPath, '.openkb');
            fs.mkdirSync(openkb, { recursive: true });
            fs.writeFileSync(path.join(openkb, 'config.yaml'), 'model: x\n');
            return {};
        });
        await activate(extensionContext(ws) as never);
        await vscodeMock.vscode.commands.executeCommand(CommandId.init, vscodeMock.Uri.file(folder));
        assert.deepEqual(ws.clients.server.requests('openkb/init'), [{ uri: vscodeMock.Uri.file(folder).toString() }]);
        assert.equal(ws.vs.context.get(HAS_KB_CONTEXT), true);
        assert.match(ws.vs.messages.at(-1)!.message, /created a knowledge base in .*notes/);
        await deactivate();
    });
});
