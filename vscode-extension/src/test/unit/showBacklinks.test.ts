import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { vscodeMock, workspace } from '../support/harness';
import { showBacklinksCommand } from '../../commands/showBacklinks';

describe('the backlinks lens command', () => {
    test("turns the lens's JSON arguments into VS Code's references peek", async () => {
        const ws = workspace();
        const range = { start: { line: 3, character: 4 }, end: { line: 3, character: 25 } };
        await showBacklinksCommand('file:///kb/wiki/concepts/a.md', { line: 5, character: 0 },
            [{ uri: 'file:///kb/wiki/concepts/b.md', range }]);
        const peeks = ws.vs.executed.filter((e) => e.id === 'editor.action.showReferences');
        assert.equal(peeks.length, 1);
        const [uri, position, locations] = peeks[0].args as [vscodeMock.Uri, vscodeMock.Position, vscodeMock.Location[]];
        assert.equal(uri.toString(), 'file:///kb/wiki/concepts/a.md');
        assert.deepEqual(position, new vscodeMock.Position(5, 0));
        assert.equal(locations[0].uri.toString(), 'file:///kb/wiki/concepts/b.md');
        assert.deepEqual(locations[0].range, new vscodeMock.Range(new vscodeMock.Position(3, 4), new vscodeMock.Position(3, 25)));

        await showBacklinksCommand(undefined, undefined, undefined);
        assert.equal(ws.vs.executed.filter((e) => e.id === 'editor.action.showReferences').length, 1, 'malformed arguments do nothing');
    });
});
