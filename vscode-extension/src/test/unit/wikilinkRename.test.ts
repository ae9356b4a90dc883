import { vscodeMock } from '../support/harness';
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { wikilinkAt, wikilinkRenameMiddleware } from '../../client/wikilinkRename';

const { Position, Range, WorkspaceEdit, CancellationError } = vscodeMock;

/** A one-line document, as far as the middleware reads it. */
function doc(line: string): any {
    return { lineAt: () => ({ text: line }) };
}

const token: any = { isCancellationRequested: false };

describe('F2 on a [[wikilink]] stays OpenKB\'s', () => {
    beforeEach(() => vscodeMock.reset());

    test('finds the link around the cursor, brackets included, and its target without heading or alias', () => {
        const line = 'See [[concepts/a]] and [[summaries/d1#Key points|the paper]].';
        assert.equal(wikilinkAt(line, 2), undefined, 'before any link');
        assert.deepEqual(wikilinkAt(line, 4), { open: 4, close: 18, targetStart: 6, targetEnd: 16, target: 'concepts/a' });
        assert.equal(wikilinkAt(line, 18)?.target, 'concepts/a', 'just after the closing brackets');
        assert.equal(wikilinkAt(line, 20), undefined, 'between the links');
        assert.equal(wikilinkAt(line, 40)?.target, 'summaries/d1', 'on the alias');
        assert.equal(wikilinkAt('[[#Only a heading]]', 5)?.target, '');
        assert.equal(wikilinkAt('an [[unclosed link', 6), undefined);
    });

    test("the server's answer stands wherever it has one", async () => {
        const answer = new Range(0, 6, 0, 16);
        const got = await wikilinkRenameMiddleware.prepareRename(doc('See [[concepts/a]]'), new Position(0, 8) as any, token, async () => answer as any);
        assert.equal(got, answer);
    });

    test('a refusal on a wikilink still claims the link: the box offers the page name, not Markdown\'s reference rename', async () => {
        const refused = async () => {
            throw new Error('INVALID_ARGUMENT: wiki/summaries/d1.md: a summary page is named after its document');
        };
        const got: any = await wikilinkRenameMiddleware.prepareRename(doc('See [[summaries/d1|the paper]]'), new Position(0, 10) as any, token, refused);
        assert.deepEqual([got.range.start.character, got.range.end.character, got.placeholder], [6, 18, 'd1']);
        const nothing: any = await wikilinkRenameMiddleware.prepareRename(doc('See [[missing]]'), new Position(0, 8) as any, token, async () => undefined);
        assert.equal(nothing.placeholder, 'missing', 'a link to no page is claimed too');
    });

    test('off wikilinks a refusal is passed on, so the Markdown extension may rename a heading', async () => {
        const refusal = new Error('INVALID_ARGUMENT: nothing to rename');
        await assert.rejects(wikilinkRenameMiddleware.prepareRename(doc('# A heading'), new Position(0, 4) as any, token, async () => {
            throw refusal;
        }), (e) => e === refusal);
        assert.equal(await wikilinkRenameMiddleware.prepareRename(doc('# A heading'), new Position(0, 4) as any, token, async () => undefined), undefined);
    });

    test('a refused rename on a wikilink ends with the reason and an empty edit, never falling through', async () => {
        const edit = await wikilinkRenameMiddleware.provideRenameEdits(doc('See [[summaries/d1]]'), new Position(0, 8) as any, 'x', token, async () => {
            throw new Error('INVALID_ARGUMENT: wiki/summaries/d1.md: a summary page is named after its document');
        });
        assert.ok(edit instanceof WorkspaceEdit);
        assert.equal((edit as any).size, 0);
        assert.deepEqual(vscodeMock.state.messages.map((m) => [m.kind, m.message]), [
            ['warning', 'OpenKB: nothing renamed: INVALID_ARGUMENT: wiki/summaries/d1.md: a summary page is named after its document'],
        ]);
        const none = await wikilinkRenameMiddleware.provideRenameEdits(doc('See [[missing]]'), new Position(0, 8) as any, 'x', token, async () => undefined);
        assert.equal((none as any).size, 0);
        assert.match(vscodeMock.state.messages[1].message, /no page to rename at this link/);
    });

    test('a cancelled request stays cancelled, and off links the server\'s edit or refusal stands', async () => {
        await assert.rejects(wikilinkRenameMiddleware.provideRenameEdits(doc('See [[a]]'), new Position(0, 6) as any, 'x', token, async () => {
            throw new CancellationError();
        }), CancellationError);
        const real = new WorkspaceEdit();
        assert.equal(await wikilinkRenameMiddleware.provideRenameEdits(doc('See [[a]]'), new Position(0, 6) as any, 'x', token, async () => real as any), real);
        await assert.rejects(wikilinkRenameMiddleware.provideRenameEdits(doc('# Title'), new Position(0, 3) as any, 'x', token, async () => {
            throw new Error('refused');
        }), /refused/);
        assert.equal(vscodeMock.state.messages.length, 0);
    });
});
