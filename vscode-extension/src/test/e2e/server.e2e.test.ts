/**
 * The extension's client code against the real server jar (no VS Code, no fakes): the add, progress,
 * diagnostics and recovery paths of the protocol. When the jar is missing every test FAILS with how to
 * build it; it never skips.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { runAdd } from '../../client/addOperation';
import { AddProgressTracker, formatRecoverSummary, recoveryWasNeeded } from '../../progress';
import { FILE_STAGES, FileProgressParams, SERVER_COMMANDS } from '../../protocol';
import { createKb, journals, requireServerJar, sourceFolder, testJava, writeFiles } from './kbFixture';
import { fileUri, ServerSession, within } from './serverSession';

const sessions: ServerSession[] = [];
let jar = '';
let java = '';

/**
 * Finds the jar and Java for each test (not in a `before` hook, whose failure node:test counts as
 * "cancelled" tests): without a jar, every test fails with the message that says how to build it.
 */
async function tools(): Promise<void> {
    jar = requireServerJar();
    java ||= await testJava();
}

after(async () => {
    for (const s of sessions) {
        await s.shutdown().catch(() => s.kill());
    }
});

async function newKb(): Promise<string> {
    await tools();
    return createKb(java, jar);
}

async function serverOn(kb: string): Promise<ServerSession> {
    const session = await ServerSession.start(java, jar, kb);
    sessions.push(session);
    return session;
}

/** Per file, the stages in arrival order. */
function stagesByFile(events: FileProgressParams[]): Map<string, FileProgressParams[]> {
    const byFile = new Map<string, FileProgressParams[]>();
    for (const e of events) {
        byFile.set(e.uri, [...(byFile.get(e.uri) ?? []), e]);
    }
    return byFile;
}

describe('the OpenKB server driven by the extension client', () => {
    test('initializes, advertises the OpenKB commands and exits 0 after shutdown/exit', async () => {
        const kb = await newKb();
        const session = await ServerSession.start(java, jar, kb);
        const commands = session.initializeResult.capabilities.executeCommandProvider?.commands ?? [];
        for (const id of SERVER_COMMANDS) {
            assert.ok(commands.includes(id), `executeCommandProvider lists ${id}: ${commands.join(', ')}`);
        }
        assert.equal(await session.shutdown(), 0, session.log);
    });

    test('adding a folder reports every file\'s stages in order, then a result that matches them', async () => {
        const kb = await newKb();
        const session = await serverOn(kb);
        const { dir, supported } = sourceFolder(3);
        const events: FileProgressParams[] = [];
        const messages: string[] = [];
        const stop = session.api.onFileProgress((p) => events.push(p));

        const outcome = await within(
            runAdd(session.api, { uris: [fileUri(dir)], kb: fileUri(kb) }, undefined, (step) => messages.push(step.message)),
            240_000,
            'openkb/add of a 3-file folder',
        );
        stop.dispose();
        assert.equal(outcome.kind, 'completed');
        const result = outcome.kind === 'completed' ? outcome.result : assert.fail('not completed');

        // The result: one entry per supported file (the .png is not one), counts that add up.
        const expected = supported.map(fileUri).sort();
        assert.deepEqual(result.files.map((f) => f.uri).sort(), expected, session.log);
        for (const status of ['added', 'skipped', 'failed', 'cancelled'] as const) {
            assert.equal(result[status], result.files.filter((f) => f.status === status).length, `${status} count`);
        }

        // Progress: per file, stages never go back, and the last one is "done" with the result's status.
        const byFile = stagesByFile(events);
        assert.deepEqual([...byFile.keys()].sort(), expected, 'openkb/fileProgress for every file');
        for (const [uri, fileEvents] of byFile) {
            const order = fileEvents.map((e) => FILE_STAGES.indexOf(e.stage));
            assert.ok(order.every((o, i) => o >= 0 && (i === 0 || o >= order[i - 1])), `${uri}: ${fileEvents.map((e) => e.stage)}`);
            const last = fileEvents.at(-1)!;
            assert.equal(last.stage, 'done', uri);
            assert.equal(last.status, result.files.find((f) => f.uri === uri)!.status, uri);
            assert.ok(fileEvents.every((e) => e.total === 3), 'total is the number of files');
        }
        assert.deepEqual(new Set(events.map((e) => e.index)), new Set([1, 2, 3]), 'indexes are 1-based positions');

        // $/progress went begin → report* → end on one token.
        const tokens = new Set(session.progress.map((p) => p.token));
        assert.ok(tokens.size >= 1, 'some $/progress was sent');
        for (const token of tokens) {
            const kinds = session.progress.filter((p) => p.token === token).map((p) => p.value.kind);
            assert.equal(kinds[0], 'begin', `token ${token}: ${kinds}`);
            assert.equal(kinds.at(-1), 'end', `token ${token}: ${kinds}`);
            assert.ok(kinds.slice(1, -1).every((k) => k === 'report'), `token ${token}: ${kinds}`);
        }

        // What the user would have seen is what the tracker makes of the same events.
        // Before the first file event the server's $/progress begin ("scanning ...") is shown as is.
        const replay = new AddProgressTracker();
        const fileMessages = messages.slice(messages.length - events.length);
        assert.deepEqual(fileMessages, events.map((e) => replay.update(e).message));
        assert.deepEqual(events.map((e) => e.percent), [...events.map((e) => e.percent)].sort((x, y) => x - y), 'never backwards');
        assert.equal(events.at(-1)?.percent, 100);
        assert.equal(result.unsupported, 1, 'ignored.png');
        assert.equal(result.summary, '3 added, 1 unsupported', "the server's summary line, as the CLI prints it");
        assert.equal((await session.api.status(fileUri(kb))).pendingJournals, 0, 'no journal left behind');
    });

    test('a page with a broken wiki link gets an openkb diagnostic, and lint reports the same finding', async () => {
        const kb = await newKb();
        const session = await serverOn(kb);
        const text = '# Broken page\n\nSee [[no-such-page]] for details.\n';
        const [page] = writeFiles(kb, { 'wiki/concepts/broken-page.md': text });
        const uri = await session.open(page, text);
        const onLinkLine = (d: { source?: string; range: { start: { line: number } } }) => d.source === 'openkb' && d.range.start.line === 2;

        const lint = await within(session.api.lint(fileUri(kb)), 60_000, 'openkb/lint');
        const finding = lint.findings.find((f) => f.path.endsWith('concepts/broken-page.md') && f.range.start.line === 2);
        assert.ok(finding, `a finding for the broken link: ${JSON.stringify(lint.findings)}`);
        assert.ok((lint.counts[finding.code] ?? 0) >= 1, `counts include ${finding.code}`);

        const diagnostics = await within(session.diagnosticsOf(uri, (d) => d.some(onLinkLine)), 60_000, `diagnostics for ${uri}`);
        const diagnostic = diagnostics.find(onLinkLine)!;
        assert.equal(diagnostic.code, finding.code);
        assert.ok(diagnostic.range.start.character <= text.split('\n')[2].indexOf('[[no-such-page]]'));
    });

    test('cancelling an add sends $/cancelRequest and the result lists the cancelled files', async () => {
        const kb = await newKb();
        const session = await serverOn(kb);
        const { dir } = sourceFolder(6);
        const cancel = new CancellationTokenSource();
        const outcome = await within(
            runAdd(session.api, { uris: [fileUri(dir)], kb: fileUri(kb), jobs: 1 }, cancel.token, (_step, file) => {
                if (file !== undefined && file.stage !== 'queued') {
                    cancel.cancel();
                }
            }),
            240_000,
            'the cancelled add to end',
        );
        assert.ok(session.sentNotification('$/cancelRequest'), 'the client sent $/cancelRequest');
        assert.equal(outcome.kind, 'completed', 'the server answers a cancelled add with its result, not RequestCancelled');
        const result = outcome.kind === 'completed' ? outcome.result : assert.fail('not completed');
        assert.ok(result.cancelled >= 1, `cancelled files: ${JSON.stringify(result)}`);
        assert.equal(result.files.filter((f) => f.status === 'cancelled').length, result.cancelled);
        assert.equal((await session.api.status(fileUri(kb))).pendingJournals, 0, 'a cancelled add leaves no journal');
    });

    test('a KB left with an active journal by a killed server is rolled back by openkb/recover', async () => {
        const kb = await newKb();
        const [doc] = writeFiles(kb, { '../incoming/crash-me.md': '# Crash me\n\nA document whose add is interrupted.\n' });
        // The surviving editor's server is up first: a server recovers at initialize, so the crash must
        // happen after it started (another window's server, or a CLI add, dies mid-commit).
        const session = await serverOn(kb);

        // Crash: kill the server (SIGKILL, as an editor or OOM would) while its add holds a journal.
        const victim = await serverOn(kb);
        const adding = victim.api.add({ uris: [fileUri(doc)], kb: fileUri(kb) }).then(
            () => 'finished',
            () => 'connection lost',
        );
        const journalSeen = new Promise<string>((resolve) => {
            const poll = setInterval(() => {
                if (journals(kb).length > 0) {
                    clearInterval(poll);
                    resolve('journal');
                }
            }, 2);
            void adding.then(() => clearInterval(poll));
        });
        const first = await within(Promise.race([journalSeen, adding]), 240_000, 'a journal or the end of the add');
        assert.equal(first, 'journal', `the add ended (${first}) before any journal appeared in ${kb}/.openkb/journal: ${victim.log}`);
        await victim.kill();
        const left = journals(kb);
        assert.ok(left.length > 0, 'the killed server left its journal behind');

        const before = await session.api.status(fileUri(kb));
        assert.ok(before.pendingJournals >= 1, `status reports the pending journal: ${JSON.stringify(before)}`);

        const recovered = await within(session.api.recover(fileUri(kb)), 60_000, 'openkb/recover');
        assert.ok(
            recovered.rolledBack.some((j) => j.operation === 'add'),
            `openkb/recover rolls back the interrupted add: ${JSON.stringify(recovered)}`,
        );
        assert.match(formatRecoverSummary(recovered), /^Rolled back an interrupted add/);
        assert.deepEqual(journals(kb), [], 'no journal left');
        assert.equal(fs.existsSync(path.join(kb, 'raw', 'crash-me.md')), false, 'the half-added raw copy is gone');
        assert.equal((await session.api.status(fileUri(kb))).pendingJournals, 0);

        const again = await session.api.recover(fileUri(kb));
        assert.equal(recoveryWasNeeded(again), false, JSON.stringify(again));
        assert.equal(formatRecoverSummary(again), 'Nothing to recover.');
    });
});
