import { eventually, extensionContext, fakeJdk, tempDir, workspace } from '../support/harness';
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { CommandId } from '../../commands/ids';
import { activate, deactivate } from '../../extension';
import { vscodeMock } from '../support/harness';

describe('when no Java 17+ can be found', () => {
    const saved = { PATH: process.env.PATH, JAVA_HOME: process.env.JAVA_HOME };

    beforeEach(() => {
        delete process.env.JAVA_HOME;
        process.env.PATH = tempDir('openkb-empty-path-');
    });

    afterEach(async () => {
        await deactivate();
        process.env.PATH = saved.PATH;
        if (saved.JAVA_HOME !== undefined) {
            process.env.JAVA_HOME = saved.JAVA_HOME;
        }
    });

    test('activation shows an error that says so and how to fix it, instead of failing silently', async () => {
        const ws = workspace();
        delete ws.vs.settings['openkb.java.home'];
        await activate(extensionContext(ws) as never);
        await eventually('the error message', () => ws.vs.messages.some((m) => m.kind === 'error'));
        const error = ws.vs.messages.find((m) => m.kind === 'error')!;
        assert.match(error.message, /OpenKB needs Java 17 or newer to run its server, but found no Java/);
        assert.match(error.message, /Install a JDK 17 or newer .* set "openkb\.java\.home"/);
        assert.deepEqual(error.items, ['Open Settings', 'Show Output']);
        assert.equal(ws.clients.clients.length, 0, 'no language client without Java');
        assert.equal(ws.vs.statusItems[0].text, '$(error) OpenKB');
        assert.ok(ws.vs.outputs[0].lines.some((l) => l.includes('needs Java 17')));
    });

    test('"Open Settings" opens the openkb.java.home setting', async () => {
        const ws = workspace();
        delete ws.vs.settings['openkb.java.home'];
        ws.vs.answerMessage = (m) => (m.kind === 'error' ? 'Open Settings' : undefined);
        await activate(extensionContext(ws) as never);
        await eventually('the settings to open', () => ws.vs.executed.some((e) => e.id === 'workbench.action.openSettings'));
        assert.deepEqual(ws.vs.executed.find((e) => e.id === 'workbench.action.openSettings')!.args, ['openkb.java.home']);
    });

    test('a too old Java in openkb.java.home is named, and every later command says so again', async () => {
        const ws = workspace();
        ws.vs.settings['openkb.java.home'] = fakeJdk('openjdk version "11.0.2" 2019-01-15');
        await activate(extensionContext(ws) as never);
        await eventually('the first error', () => ws.vs.messages.filter((m) => m.kind === 'error').length === 1);
        assert.match(ws.vs.messages[0].message, /"openkb\.java\.home" points to Java 11; OpenKB needs Java 17 or newer/);
        await vscodeMock.vscode.commands.executeCommand(CommandId.recover);
        assert.equal(ws.vs.messages.filter((m) => m.kind === 'error').length, 2);
    });
});
