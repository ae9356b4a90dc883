import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { vscodeMock } from '../support/harness';
import { BacklinksView, wikiRootOf } from '../../views/backlinks';

describe('the Backlinks view', () => {
    const root = path.resolve('/work/kb');
    const page = vscodeMock.Uri.file(path.join(root, 'wiki/concepts/a.md'));
    const linking = vscodeMock.Uri.file(path.join(root, 'wiki/summaries/paper.md')).toString();

    test("lists the active page's backlinks, each opening its link", async () => {
        const asked: unknown[] = [];
        const api = {
            channel: {
                async sendRequest(method: string, params: unknown) {
                    asked.push([method, params]);
                    return [{ uri: linking, range: { start: { line: 6, character: 4 }, end: { line: 6, character: 22 } } }];
                },
            },
        };
        const view = new BacklinksView(async () => api as never, () => [root]);
        assert.deepEqual(await view.getChildren(), [], 'nothing before a wiki page is active');
        view.follow(page as never);
        const items = await view.getChildren();
        assert.deepEqual(asked, [['textDocument/references', {
            textDocument: { uri: page.toString() }, position: { line: 0, character: 0 }, context: { includeDeclaration: false },
        }]]);
        assert.equal(items.length, 1);
        assert.equal(items[0].label, 'summaries/paper');
        assert.equal(items[0].description, 'line 7');
        assert.equal(items[0].command?.command, 'vscode.open');

        view.follow(vscodeMock.Uri.file('/elsewhere/notes.md') as never);
        assert.equal((await view.getChildren()).length, 1, 'a file outside the wiki keeps the last page');
    });

    test('a wiki page is a .md file under a KB root\'s wiki/', () => {
        assert.equal(wikiRootOf(path.join(root, 'wiki/concepts/a.md'), [root]), root);
        assert.equal(wikiRootOf(path.join(root, 'raw/a.md'), [root]), undefined);
        assert.equal(wikiRootOf(path.join(root, 'wiki/sources/a.json'), [root]), undefined);
    });
});
