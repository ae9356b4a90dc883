import { eventually, extensionContext, fakeJdk, vscodeMock, workspace, Workspace } from '../support/harness';
import { realClient } from '../support/realLanguageClient';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, test } from 'node:test';
import { API_KEY_SECRET, CommandId } from '../../commands/ids';
import { activate, deactivate } from '../../extension';
import { SERVER_VM_ARGS } from '../../server/javaLauncher';

/**
 * A JDK whose java records its command line and LLM_API_KEY (one argument per line in `<home>/argv`,
 * the key in `<home>/key`), logs two records and a stack trace on stderr the way the server does, and
 * exits.
 */
function serverLikeJdk(): { home: string; argv(): string[]; key(): string } {
    const home = fakeJdk('openjdk version "17.0.15"');
    const argv = path.join(home, 'argv');
    const key = path.join(home, 'key');
    fs.writeFileSync(
        path.join(home, 'bin', 'java'),
        [
            '#!/bin/sh',
            `if [ "$1" = "-version" ]; then echo 'openjdk version "17.0.15"' >&2; exit 0; fi`,
            `for a in "$@"; do printf '%s\\n' "$a" >> '${argv}'; done`,
            `printf '%s' "\${LLM_API_KEY-<unset>}" > '${key}'`,
            `printf 'INFO: OpenKB: recovering /w/kb\\nWARNING: slow disk\\njava.io.IOException: x\\n\\tat a.B.c(B.java:1)\\n' >&2`,
        ].join('\n') + '\n',
        { mode: 0o755 },
    );
    return {
        home,
        argv: () => fs.readFileSync(argv, 'utf8').split('\n').filter((l) => l.length > 0),
        key: () => fs.readFileSync(key, 'utf8'),
    };
}

/**
 * Activates the extension (mocked client), then hands the options it built to the real
 * vscode-languageclient and lets it spawn the server process the way it does in VS Code.
 */
async function spawnWithRealClient(ws: Workspace, jdk: ReturnType<typeof serverLikeJdk>): Promise<void> {
    ws.vs.settings['openkb.java.home'] = jdk.home;
    await activate(extensionContext(ws) as never);
    await eventually('the language client', () => ws.clients.clients.length === 1);
    const built = ws.clients.clients[0];
    const client = new realClient.LanguageClient(built.id, built.name, built.serverOptions, built.clientOptions);
    await (client as unknown as { createMessageTransports(encoding: string): Promise<unknown> }).createMessageTransports('utf-8');
    await eventually('the server process to log', () => ws.vs.outputs[0].entries.some((e) => e.text.includes('at a.B.c')));
}

afterEach(async () => {
    await deactivate();
});

describe('the server process vscode-languageclient starts', () => {
    // vscode-languageclient 11 appends --stdio to a command (Executable); --clientProcessId=<pid> only to a
    // Node module it forks. The server learns the editor's pid from initialize's processId instead.
    test('runs exactly java <vm args> -jar <jar> lsp --stdio', async () => {
        const ws = workspace();
        const jdk = serverLikeJdk();
        await spawnWithRealClient(ws, jdk);
        assert.deepEqual(jdk.argv(), [
            ...SERVER_VM_ARGS,
            '-jar',
            path.join(ws.extensionPath, 'server', 'openkb.jar'),
            'lsp',
            '--stdio',
        ]);
    });

    test('shows the server\'s stderr at each record\'s level: INFO is not [error]', async () => {
        const ws = workspace();
        await spawnWithRealClient(ws, serverLikeJdk());
        const logged = ws.vs.outputs[0].entries.filter((e) => !e.text.startsWith('Server process') && !e.text.startsWith('Starting'));
        assert.deepEqual(logged.slice(0, 4), [
            { level: 'info', text: 'OpenKB: recovering /w/kb' },
            { level: 'warn', text: 'slow disk' },
            { level: 'warn', text: 'java.io.IOException: x' },
            { level: 'warn', text: '\tat a.B.c(B.java:1)' },
        ]);
    });

    test('gets the stored API key as LLM_API_KEY in its environment, nowhere else', async () => {
        const ws = workspace();
        await ws.secrets.store(API_KEY_SECRET, 'sk-test-123');
        const jdk = serverLikeJdk();
        await spawnWithRealClient(ws, jdk);
        assert.equal(jdk.key(), 'sk-test-123');
        const client = ws.clients.clients[0];
        assert.doesNotMatch(JSON.stringify(client.clientOptions.initializationOptions), /sk-test-123/);
        assert.doesNotMatch(JSON.stringify(ws.vs.settings), /sk-test-123/);
        assert.ok(!jdk.argv().some((a) => a.includes('sk-test-123')), 'not on the command line');
    });

    test('in Restricted Mode gets no key (not even one from the shell) and is told the workspace is not trusted', async () => {
        const ws = workspace();
        ws.vs.trusted = false;
        await ws.secrets.store(API_KEY_SECRET, 'sk-test-123');
        process.env.LLM_API_KEY = 'sk-from-shell';
        try {
            const jdk = serverLikeJdk();
            await spawnWithRealClient(ws, jdk);
            assert.equal(jdk.key(), '<unset>');
            assert.equal(ws.clients.clients[0].clientOptions.initializationOptions.workspaceTrusted, false);
        } finally {
            delete process.env.LLM_API_KEY;
        }
    });
});

describe('Set API Key', () => {
    test('stores the key in the secret storage and restarts the server with it', async () => {
        const ws = workspace();
        await activate(extensionContext(ws) as never);
        await eventually('the first server', () => ws.clients.clients[0]?.running === true);
        assert.equal(ws.clients.clients[0].serverOptions.run.options.env.LLM_API_KEY, undefined);
        ws.vs.answerInputBox = () => '  sk-new  ';
        await vscodeMock.vscode.commands.executeCommand(CommandId.setApiKey);
        assert.equal(ws.vs.inputBoxes[0].password, true);
        assert.equal(ws.secrets.values.get(API_KEY_SECRET), 'sk-new');
        await eventually('a second server', () => ws.clients.clients[1]?.running === true);
        assert.equal(ws.clients.clients[0].stopped, true);
        assert.equal(ws.clients.clients[1].serverOptions.run.options.env.LLM_API_KEY, 'sk-new');
        assert.doesNotMatch(JSON.stringify(ws.vs.settings), /sk-new/);
        assert.doesNotMatch(ws.vs.outputs[0].lines.join('\n'), /sk-new/);
    });

    test('an empty entry removes the key; a dismissed box changes nothing', async () => {
        const ws = workspace({ withKb: false });
        await ws.secrets.store(API_KEY_SECRET, 'sk-old');
        await activate(extensionContext(ws) as never);
        await vscodeMock.vscode.commands.executeCommand(CommandId.setApiKey);
        assert.equal(ws.secrets.values.get(API_KEY_SECRET), 'sk-old');
        ws.vs.answerInputBox = () => '';
        await vscodeMock.vscode.commands.executeCommand(CommandId.setApiKey);
        assert.equal(ws.secrets.values.has(API_KEY_SECRET), false);
        assert.equal(ws.vs.messages.at(-1)?.message, 'OpenKB: the stored API key was removed.');
    });
});

describe('Workspace Trust', () => {
    test('granting trust restarts a restricted server as a trusted one', async () => {
        const ws = workspace();
        ws.vs.trusted = false;
        await activate(extensionContext(ws) as never);
        await eventually('the restricted server', () => ws.clients.clients[0]?.running === true);
        assert.equal(ws.clients.clients[0].clientOptions.initializationOptions.workspaceTrusted, false);
        ws.vs.trusted = true;
        ws.vs.trustGranted.fire();
        await eventually('a trusted server', () => ws.clients.clients[1]?.running === true);
        assert.equal(ws.clients.clients[1].clientOptions.initializationOptions.workspaceTrusted, true);
    });
});
