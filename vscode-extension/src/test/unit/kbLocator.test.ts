import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addableTargets, chooseKb, kbContaining, kbRootOfConfig } from '../../kbLocator';

test('a KB root is the folder above .openkb', () => {
    assert.equal(kbRootOfConfig('/w/notes/.openkb/config.yaml'), '/w/notes');
});

test('the innermost KB holds a path; a sibling with a common prefix does not', () => {
    const roots = ['/w/kb', '/w/kb/inner'];
    assert.equal(kbContaining(roots, '/w/kb/inner/wiki/a.md'), '/w/kb/inner');
    assert.equal(kbContaining(roots, '/w/kb/raw/x.pdf'), '/w/kb');
    assert.equal(kbContaining(roots, '/w/kb2/x.pdf'), undefined);
    assert.equal(kbContaining(roots, '/w/kb'), '/w/kb');
});

test('files from outside go to the only KB of the workspace', () => {
    assert.equal(chooseKb(['/w/kb'], ['/home/me/Downloads/report.pdf']), '/w/kb');
    assert.equal(chooseKb(['/w/kb'], []), '/w/kb');
});

test('with several KBs, the one holding every target is chosen, otherwise the user is asked', () => {
    const roots = ['/w/a', '/w/b'];
    assert.equal(chooseKb(roots, ['/w/b/raw/x.pdf', '/w/b/raw/y.pdf']), '/w/b');
    assert.equal(chooseKb(roots, ['/w/a/x.pdf', '/w/b/y.pdf']), undefined);
    assert.equal(chooseKb(roots, ['/elsewhere/x.pdf']), undefined);
    assert.equal(chooseKb(roots, []), undefined);
});

test('no KB, no choice', () => {
    assert.equal(chooseKb([], ['/x.pdf']), undefined);
});

describe('addableTargets: a KB\'s own folders are never documents', () => {
    /** A fake tree: folder → entries. */
    const tree: Record<string, string[]> = {
        '/w': ['.git', '.openkb', 'papers', 'raw', 'wiki', 'notes.md'],
        '/w/papers': ['a.pdf'],
        '/home': ['kb', 'todo.txt'],
        '/home/kb': ['raw', 'wiki', 'report.pdf'],
    };
    const list = (dir: string): string[] => tree[dir] ?? [];

    test('targets outside the KB folders are kept as they are', () => {
        assert.deepEqual(addableTargets('/w', ['/w/papers', '/w/notes.md', '/elsewhere/b.pdf'], list), {
            kept: ['/w/papers', '/w/notes.md', '/elsewhere/b.pdf'],
            leftOut: [],
        });
    });

    test('anything inside .openkb, raw or wiki is left out', () => {
        assert.deepEqual(addableTargets('/w', ['/w/wiki/index.md', '/w/raw', '/w/.openkb/config.yaml', '/w/papers/a.pdf'], list), {
            kept: ['/w/papers/a.pdf'],
            leftOut: ['/w/wiki/index.md', '/w/raw', '/w/.openkb/config.yaml'],
        });
    });

    test('the KB root (a workspace folder the KB lives in) becomes its entries, without its own folders and hidden ones', () => {
        assert.deepEqual(addableTargets('/w', ['/w'], list), { kept: ['/w/papers', '/w/notes.md'], leftOut: [] });
    });

    test('a folder above the KB is opened down to the KB the same way', () => {
        assert.deepEqual(addableTargets('/home/kb', ['/home'], list).kept, ['/home/kb/report.pdf', '/home/todo.txt']);
    });

    test('a look-alike name is not a KB folder', () => {
        assert.deepEqual(addableTargets('/w', ['/w/wiki-drafts/x.md', '/w/rawdata.csv'], list).kept, ['/w/wiki-drafts/x.md', '/w/rawdata.csv']);
    });
});
