import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseKb, kbContaining, kbRootOfConfig } from '../../kbLocator';

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
