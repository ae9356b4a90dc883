import '../support/harness'; // installs the vscode module mock before context.ts loads
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { errorText } from '../../commands/context';

describe('errorText: what a failed request tells the user', () => {
    test('a server error keeps its own words (code, path, reason)', () => {
        assert.equal(errorText(new Error('NOT_FOUND: /w/a.pdf: no such file or folder')), 'NOT_FOUND: /w/a.pdf: no such file or folder');
    });

    test('a request cut off by the server dying says so in plain words, not vscode-jsonrpc\'s', () => {
        const text = errorText(new Error('Pending response rejected since connection got disposed'));
        assert.match(text, /^the OpenKB server stopped before it answered/);
        assert.doesNotMatch(text, /disposed/);
    });

    test('something that is not an Error is shown as text', () => {
        assert.equal(errorText('plain'), 'plain');
    });
});
