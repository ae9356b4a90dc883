import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
    AddProgressTracker,
    fileNameOf,
    formatFailures,
    formatLintSummary,
    formatRecoverDetails,
    formatRecoverSummary,
    formatRemovePlan,
    formatRemoveSummary,
} from '../../progress';
import { FileProgressParams, RecoverResult } from '../../protocol';

const file = (index: number, stage: FileProgressParams['stage'], percent: number, message: string, summary = '0 added'): FileProgressParams => ({
    uri: `file:///docs/${index}.md`,
    index,
    total: 2,
    stage,
    percent,
    message,
    summary,
});

const nothingRecovered: RecoverResult = { rolledBack: [], discarded: 0, stagingReclaimed: 0, gaveUp: [], errors: [] };

describe('file names', () => {
    test('are decoded from their URI', () => {
        assert.equal(fileNameOf('file:///home/me/My%20Report%20%231.pdf'), 'My Report #1.pdf');
        assert.equal(fileNameOf('file:///home/me/folder/'), 'folder');
        assert.equal(fileNameOf('file:///bad%E0name.pdf'), 'bad%E0name.pdf');
    });
});

describe('AddProgressTracker', () => {
    test("shows the server's message and turns its percentage into increments that add up to it", () => {
        const tracker = new AddProgressTracker();
        const steps = [
            tracker.update(file(1, 'converting', 5, '1/2 converting 1.md')),
            tracker.update(file(1, 'done', 50, '1/2 added 1.md', '1 added')),
            tracker.update(file(2, 'done', 100, '2/2 skipped 2.md', '1 added, 1 skipped')),
        ];
        assert.deepEqual(steps, [
            { message: '1/2 converting 1.md', increment: 5 },
            { message: '1/2 added 1.md', increment: 45 },
            { message: '2/2 skipped 2.md', increment: 50 },
        ]);
        assert.equal(tracker.summary(), '1 added, 1 skipped', "the server's running summary");
        assert.equal(tracker.hasFileEvents, true);
    });

    test('never reports a negative increment, nor more than 100 in all', () => {
        const tracker = new AddProgressTracker();
        tracker.update(file(1, 'prepared', 70, 'a'));
        assert.equal(tracker.update(file(1, 'hashing', 10, 'b')).increment, 0);
        assert.equal(tracker.update(file(1, 'done', 130, 'c')).increment, 30);
    });

    test("a download's $/progress message shows before any file, and its percentage counts too", () => {
        const tracker = new AddProgressTracker();
        assert.deepEqual(tracker.workDone(undefined, 'downloading https://x/a.pdf: 1 KB of 4 KB (25%)'), {
            message: 'downloading https://x/a.pdf: 1 KB of 4 KB (25%)',
            increment: 0,
        });
        assert.equal(tracker.workDone(10, 'm').increment, 10);
        assert.equal(tracker.hasFileEvents, false);
        assert.equal(tracker.summary(), '0 added');
    });
});

describe('add summary', () => {
    test('lists each failure with its reason', () => {
        const lines = formatFailures({
            added: 1,
            skipped: 0,
            failed: 1,
            cancelled: 0,
            files: [
                { uri: 'file:///d/ok.md', status: 'added' },
                { uri: 'file:///d/bad.pdf', status: 'failed', reason: 'PDF is encrypted' },
            ],
            unsupported: 0,
            summary: '1 added, 1 failed',
        });
        assert.deepEqual(lines, ['failed: bad.pdf (file:///d/bad.pdf): PDF is encrypted']);
    });
});

describe('recover summary', () => {
    test('says there was nothing to recover', () => {
        assert.equal(formatRecoverSummary(nothingRecovered), 'Nothing to recover.');
        assert.deepEqual(formatRecoverDetails(nothingRecovered), []);
    });

    test('names what was rolled back and reclaimed', () => {
        const text = formatRecoverSummary({
            ...nothingRecovered,
            rolledBack: [{ journal: 'j1.json', operation: 'add', details: { name: 'paper.pdf', doc_name: 'paper' } }],
            stagingReclaimed: 2,
            discarded: 1,
        });
        assert.equal(text, 'Rolled back an interrupted add (paper.pdf); cleaned up 1 finished journal; reclaimed 2 staging folders.');
    });

    test('flags journals it gave up on and errors, with details for the output', () => {
        const result = { ...nothingRecovered, gaveUp: [{ journal: 'j2.json', message: 'EACCES' }], errors: ['disk full'] };
        assert.equal(formatRecoverSummary(result), 'Gave up on 1 journal (manual review needed); 1 error.');
        assert.deepEqual(formatRecoverDetails(result), ['gave up: j2.json: EACCES', 'error: disk full']);
    });
});

describe('lint summary', () => {
    test('counts problems by code, most frequent first', () => {
        const finding = { code: 'broken-link', severity: 'error', path: 'wiki/a.md', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'm' };
        const text = formatLintSummary({ findings: [finding, finding, finding], counts: { orphan: 1, 'broken-link': 2, 'index-sync': 0 } });
        assert.equal(text, '3 problems: 2 broken-link, 1 orphan');
        assert.equal(formatLintSummary({ findings: [], counts: {} }), 'No problems found.');
    });
});

describe('remove plan', () => {
    test('lists every action and sums up what was deleted and modified', () => {
        const plan = {
            docName: 'paper',
            dryRun: true,
            actions: [
                { action: 'delete' as const, path: 'wiki/summaries/paper.md' },
                { action: 'delete' as const, path: 'raw/paper.pdf' },
                { action: 'modify' as const, path: 'wiki/index.md' },
                { action: 'registry' as const, path: '.openkb/hashes.json' },
            ],
        };
        assert.deepEqual(formatRemovePlan(plan), [
            'delete wiki/summaries/paper.md',
            'delete raw/paper.pdf',
            'modify wiki/index.md',
            'unregister from .openkb/hashes.json',
        ]);
        assert.equal(formatRemoveSummary(plan), 'Removed paper: 2 files deleted, 1 modified.');
    });
});
