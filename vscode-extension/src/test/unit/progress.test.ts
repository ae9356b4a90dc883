import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
    AddProgressTracker,
    fileNameOf,
    formatAddSummary,
    formatFailures,
    formatFileProgress,
    formatLintSummary,
    formatRecoverDetails,
    formatRecoverSummary,
    formatRemovePlan,
    formatRemoveSummary,
    percentDone,
} from '../../progress';
import { FILE_STAGES, FileProgressParams, RecoverResult } from '../../protocol';

const file = (index: number, stage: FileProgressParams['stage'], name = 'report.pdf', status?: FileProgressParams['status']) => ({
    uri: `file:///docs/${name}`,
    index,
    total: 20,
    stage,
    status,
});

const nothingRecovered: RecoverResult = { rolledBack: [], discarded: 0, stagingReclaimed: 0, gaveUp: [], errors: [] };

describe('per-file progress messages', () => {
    test('name the position, the stage and the file', () => {
        assert.equal(formatFileProgress(file(3, 'converting')), '3/20 · converting report.pdf');
    });

    test('show the outcome instead of "done" when a file finishes', () => {
        assert.equal(formatFileProgress(file(3, 'done', 'report.pdf', 'failed')), '3/20 · failed report.pdf');
        assert.equal(formatFileProgress(file(4, 'done', 'x.md')), '4/20 · done x.md');
    });

    test('decode the file name from its URI', () => {
        assert.equal(fileNameOf('file:///home/me/My%20Report%20%231.pdf'), 'My Report #1.pdf');
        assert.equal(fileNameOf('file:///home/me/folder/'), 'folder');
        assert.equal(fileNameOf('file:///bad%E0name.pdf'), 'bad%E0name.pdf');
    });
});

describe('percentDone', () => {
    test('is 0 before any file moved, 100 when all are done and proportional between', () => {
        assert.equal(percentDone([], 4), 0);
        assert.equal(percentDone(['queued', 'queued'], 2), 0);
        assert.equal(percentDone(['done', 'done', 'done', 'done'], 4), 100);
        assert.equal(percentDone(['done', 'done'], 4), 50);
        assert.equal(percentDone(['converting'], 1), (FILE_STAGES.indexOf('converting') / (FILE_STAGES.length - 1)) * 100);
    });

    test('never divides by zero', () => {
        assert.equal(percentDone(['done'], 0), 0);
    });
});

describe('AddProgressTracker', () => {
    test('reports increments that add up to 100 over a whole add, never negative', () => {
        const tracker = new AddProgressTracker();
        const total = 2;
        const steps = [];
        for (const uri of ['a.md', 'b.pdf']) {
            for (const stage of FILE_STAGES) {
                steps.push(tracker.update({ uri, index: uri === 'a.md' ? 1 : 2, total, stage, status: stage === 'done' ? 'added' : undefined }));
            }
        }
        assert.ok(steps.every((s) => s.increment >= 0));
        assert.ok(Math.abs(steps.reduce((sum, s) => sum + s.increment, 0) - 100) < 1e-9);
        assert.equal(steps[2].message, '1/2 · converting a.md');
        assert.deepEqual(tracker.counts(), { added: 2, skipped: 0, failed: 0, cancelled: 0 });
    });

    test('counts outcomes of finished files only', () => {
        const tracker = new AddProgressTracker();
        tracker.update({ uri: 'a', index: 1, total: 3, stage: 'done', status: 'skipped' });
        tracker.update({ uri: 'b', index: 2, total: 3, stage: 'done', status: 'cancelled' });
        tracker.update({ uri: 'c', index: 3, total: 3, stage: 'converting' });
        assert.deepEqual(tracker.counts(), { added: 0, skipped: 1, failed: 0, cancelled: 1 });
        assert.equal(tracker.hasFileEvents, true);
    });
});

describe('add summary', () => {
    test('reads "17 added, 2 skipped, 1 failed" and names cancelled files only when there are some', () => {
        assert.equal(formatAddSummary({ added: 17, skipped: 2, failed: 1, cancelled: 0 }), '17 added, 2 skipped, 1 failed');
        assert.equal(formatAddSummary({ added: 1, skipped: 0, failed: 0, cancelled: 3 }), '1 added, 0 skipped, 0 failed, 3 cancelled');
    });

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
