import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statusView } from '../../statusView';

const commands = { showOutput: 'show', recover: 'recover' };

test('idle shows the book and opens the output', () => {
    assert.deepEqual(statusView({ pendingJournals: 0, problems: 0 }, commands).text, '$(book) OpenKB');
});

test('a running add shows its position and wins over everything else', () => {
    const view = statusView({ adding: { index: 3, total: 20 }, pendingJournals: 1, problems: 4, serverDown: true }, commands);
    assert.equal(view.text, '$(sync~spin) OpenKB: adding 3/20');
});

test('pending journals ask for recovery and clicking recovers', () => {
    const view = statusView({ pendingJournals: 2, problems: 4 }, commands);
    assert.equal(view.text, '$(alert) OpenKB: recovery needed');
    assert.equal(view.command, 'recover');
});

test('problems are counted with the right plural', () => {
    assert.equal(statusView({ pendingJournals: 0, problems: 1 }, commands).text, '$(warning) OpenKB: 1 problem');
    assert.equal(statusView({ pendingJournals: 0, problems: 4 }, commands).text, '$(warning) OpenKB: 4 problems');
});

test('a server that is down is shown before pending recovery', () => {
    assert.equal(statusView({ pendingJournals: 1, problems: 0, serverDown: true }, commands).text, '$(error) OpenKB');
});
