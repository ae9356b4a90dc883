import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import '../support/harness';
import { pagesToSave, sameMoves } from '../../client/renameSave';

describe('saving the links an Explorer rename rewrote', () => {
    test('saves every page the edit changes once, except pages the user had unsaved changes in', () => {
        const dirty = new Set(['file:///kb/wiki/index.md']);
        const edited = ['file:///kb/wiki/summaries/d1.md', 'file:///kb/wiki/index.md', 'file:///kb/wiki/summaries/d2.md', 'file:///kb/wiki/summaries/d1.md'];
        assert.deepEqual(pagesToSave(edited, (uri) => dirty.has(uri)), ['file:///kb/wiki/summaries/d1.md', 'file:///kb/wiki/summaries/d2.md']);
        assert.deepEqual(pagesToSave([], () => false), []);
    });

    test('waits for the move the edit was made for, in any order, and no other', () => {
        const move = (from: string, to: string) => ({ oldUri: `file:///kb/wiki/concepts/${from}.md`, newUri: `file:///kb/wiki/concepts/${to}.md` });
        assert.ok(sameMoves([move('a', 'b'), move('c', 'd')], [move('c', 'd'), move('a', 'b')]));
        assert.ok(!sameMoves([move('a', 'b')], [move('a', 'x')]));
        assert.ok(!sameMoves([move('a', 'b')], [move('a', 'b'), move('c', 'd')]));
    });
});
