// The real-editor acceptance suite: the packaged .vsix in a real VS Code (code-server 1.96), driven
// through Chromium the way a user drives it: palette, explorer context menu, notifications, editor,
// Problems panel, status bar and Output. One code-server for the suite, a fresh workspace folder per
// flow, a numbered screenshot per step under $OPENKB_VSCODE_ARTIFACTS/<flow>/ (kept on failure).
//
// Run it with `npm run test:vscode` (scripts/run-real-vscode.mjs installs code-server and Chromium,
// builds the .vsix and sets the environment this file reads).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CodeServer, harnessEnv, until } from './workbench.mjs';
import { assertConsistent, assertLintsClean, cli, generatedDocs, initKb, journals, rawFiles, writeFiles } from './kb.mjs';

const env = harnessEnv();
let server;

/** Runs `body` with a workbench on `folder`; on failure the last screenshot shows where it stopped. */
async function flow(name, folder, body) {
    const mark = outputMark();
    const wb = await server.open(folder, path.join(env.artifacts, name));
    try {
        await wb.screenshot('opened');
        await body(wb, () => outputSince(mark));
    } catch (error) {
        await wb.screenshot('FAILED').catch(() => {});
        fs.writeFileSync(path.join(wb.artifactsDir, 'openkb-output.log'), outputSince(mark));
        throw error;
    } finally {
        await wb.close();
    }
}

/** Log files of the OpenKB Output channel (one per extension host) with their current sizes. */
function outputMark() {
    const sizes = new Map();
    const walk = (dir) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
            const p = path.join(dir, e.name);
            if (e.isDirectory()) walk(p);
            else if (e.name === 'OpenKB.log' || /-OpenKB\.log$/.test(e.name)) sizes.set(p, fs.statSync(p).size);
        }
    };
    walk(server.dirs.userData);
    return sizes;
}

/** What the OpenKB Output channel showed since `mark` (the channel's log files are what the panel shows). */
function outputSince(mark) {
    let text = '';
    for (const [file] of outputMark()) {
        text += fs.readFileSync(file, 'utf8').slice(mark.get(file) ?? 0);
    }
    return text;
}

/** The Output shows no error for ordinary work: the client did not fail to start the server nor log INFO as errors. */
function assertQuietOutput(text) {
    assert.ok(text.length > 0, 'the OpenKB Output channel has a log');
    const bad = text.split('\n').filter((l) => /\[error\]|Unknown option|exited with code/.test(l));
    assert.deepEqual(bad, [], 'no [error], "Unknown option" or "exited with code" lines in the OpenKB Output');
}

/**
 * The content of the (one) webview open in the workbench once `selector` is in it: VS Code shows a
 * webview as an iframe (class `webview`) holding the extension's page in an inner iframe (`#active-frame`).
 */
async function webview(wb, selector) {
    await wb.page.locator('iframe.webview.ready').first().waitFor({ timeout: 60_000 });
    const content = wb.page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
    await content.locator(selector).waitFor({ state: 'attached', timeout: 60_000 });
    return content;
}

/**
 * Runs in the graph's page: the centre (CSS pixels of the canvas) of the pixels painted exactly in
 * `rgb`, i.e. the nodes of that kind drawn in full colour (the search dims the others), or null.
 */
function nodeOfColour(canvas, rgb) {
    const { data, width, height } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let sx = 0;
    let sy = 0;
    let count = 0;
    for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
            const i = (y * width + x) * 4;
            if (data[i] === rgb[0] && data[i + 1] === rgb[1] && data[i + 2] === rgb[2] && data[i + 3] === 255) {
                sx += x;
                sy += y;
                count += 1;
            }
        }
    }
    const scale = canvas.width / canvas.clientWidth;
    return count === 0 ? null : { x: sx / count / scale, y: sy / count / scale };
}

/**
 * A KB of two documents made by the CLI, whose offline compile gives both summaries the concepts
 * "quick brown fox" and "lazy dog" (noun phrases they share). Returns its wiki folder.
 */
function twoDocumentKb(ws) {
    initKb(env.jar, ws);
    writeFiles(ws, {
        'incoming/d1.txt': 'Paragraph about topic 1: the quick brown fox jumps over the lazy dog.\n'.repeat(20),
        'incoming/d2.txt': 'Paragraph about topic 2: the quick brown fox jumps over the lazy dog.\n'.repeat(20),
    });
    const added = cli(env.jar, ['add', 'incoming'], ws);
    assert.equal(added.code, 0, `openkb add: ${added.stdout}`);
    const wiki = path.join(ws, 'wiki');
    for (const page of ['concepts/lazy-dog', 'concepts/quick-brown-fox', 'summaries/d1', 'summaries/d2']) {
        assert.ok(fs.existsSync(path.join(wiki, `${page}.md`)), `the add compiled ${page}`);
    }
    return wiki;
}

/** The wiki's page files as keys ("concepts/x", "index"), sorted. */
function pageKeys(wiki) {
    return fs.readdirSync(wiki, { recursive: true })
        .filter((f) => f.endsWith('.md'))
        .map((f) => f.split(path.sep).join('/').replace(/\.md$/, ''))
        .sort();
}

/** The pages (keys, sorted) whose text on disk holds a wikilink to `key`. */
function linkingPages(wiki, key) {
    const link = new RegExp(`\\[\\[${key}(?:[#|][^\\]]*)?\\]\\]`);
    return pageKeys(wiki).filter((k) => k !== key && link.test(fs.readFileSync(path.join(wiki, `${k}.md`), 'utf8')));
}

/** The 1-based line of `page`'s first wikilink to `key`, as it is on disk. */
function linkLine(wiki, page, key) {
    const lines = fs.readFileSync(path.join(wiki, `${page}.md`), 'utf8').split('\n');
    const i = lines.findIndex((l) => l.includes(`[[${key}]]`));
    assert.ok(i >= 0, `${page} links [[${key}]]`);
    return i + 1;
}

/** How many nodes the graph has: its summary, concept and entity pages. */
function graphNodes(wiki) {
    return pageKeys(wiki).filter((k) => /^(summaries|concepts|entities)\//.test(k)).length;
}

/** The Ask panel's content. */
function askPanel(wb) {
    return webview(wb, '#turns');
}

async function statusBarText(wb) {
    const item = wb.page.locator('.statusbar-item', { hasText: 'OpenKB' }).first();
    await item.waitFor({ timeout: 30_000 });
    return item.innerText();
}

before(async () => {
    fs.mkdirSync(env.artifacts, { recursive: true });
    server = await CodeServer.start(env);
});

after(async () => {
    await server?.stop();
});

describe('OpenKB in a real VS Code', () => {
    test('initialize a KB from the palette, then add a file and a folder from the explorer', async () => {
        const ws = server.newWorkspace('init-add');
        writeFiles(ws, {
            'notes.md': '# Notes\n\nAttention lets a model weigh the words of a sentence.\n',
            'batch/first.md': '# First\n\nTransformers stack attention layers.\n',
            'batch/second.txt': 'Second\n\nEmbeddings map words to vectors.\n',
            'batch/ignored.xyz': 'not a supported type\n',
        });
        await flow('1-init-add', ws, async (wb, output) => {
            const init = await wb.paletteRow('OpenKB: Initialize Knowledge Base');
            await wb.screenshot('palette-offers-initialize');
            await init.click();
            await wb.toast(/created a knowledge base/);
            await wb.screenshot('initialized');
            assert.ok(fs.existsSync(path.join(ws, '.openkb', 'config.yaml')), 'init created .openkb/config.yaml');
            await wb.clearToasts();

            await wb.explorerAction('notes.md', 'Add to Knowledge Base');
            const progress = await wb.toast(/notes\.md/);
            await wb.screenshot('add-file-progress');
            assert.match(progress, /Adding to OpenKB/);
            const done = await wb.toast(/OpenKB: 1 added/); // not the progress toast's "1/1 added notes.md"
            await wb.screenshot('add-file-done');
            assert.match(done, /OpenKB: 1 added\./);
            assert.deepEqual(rawFiles(ws), ['notes.md']);
            await wb.clearToasts();

            await wb.explorerAction('batch', 'Add to Knowledge Base');
            const folderDone = await wb.toast(/OpenKB: 2 added/); // not the progress toast's "1/2 added first.md"
            await wb.screenshot('add-folder-done');
            // The server's one summary line counts the folder's unsupported file too.
            assert.match(folderDone, /OpenKB: 2 added, 1 unsupported\./);
            assert.deepEqual(rawFiles(ws), ['first.md', 'notes.md', 'second.txt']);
            assertConsistent(assert, env.jar, ws, 'after the adds');
            assert.deepEqual(journals(ws), [], 'no journal left');

            assert.match(await statusBarText(wb), /OpenKB/);
            await wb.runCommand('OpenKB: Show Server Output');
            await wb.page.locator('.panel .monaco-editor').first().waitFor({ timeout: 30_000 });
            await wb.screenshot('output-channel');
            assertQuietOutput(output());
        });
    });

    test('cancel a 30-file add from its notification: the add stops and the KB stays consistent', async () => {
        const ws = server.newWorkspace('cancel');
        initKb(env.jar, ws);
        generatedDocs(ws, 'thirty', 30);
        writeFiles(ws, { '.vscode/settings.json': JSON.stringify({ 'openkb.add.jobs': 1 }) });
        await flow('2-cancel', ws, async (wb, output) => {
            await wb.explorerAction('thirty', 'Add to Knowledge Base');
            const progress = wb.toasts().filter({ hasText: /Adding to OpenKB/ }).first();
            await progress.waitFor({ timeout: 60_000 });
            // Cancel once the first file is committed (it shows in raw/), so some are added and most are not.
            await until(() => rawFiles(ws).length >= 1, 'the first file of the add to be committed', 180_000, 20);
            await wb.screenshot('add-in-progress');
            assert.match(await statusBarText(wb), /OpenKB: adding \d+\/30/, 'the status bar shows the add');
            await progress.hover();
            await progress.locator('.monaco-button', { hasText: 'Cancel' }).click();
            // The server answers a cancelled add with its result: the usual summary, with the cancelled count.
            const text = await wb.toast(/\d+ cancelled/);
            await wb.screenshot('add-cancelled');
            // The server's summary leaves out zero counts (but never "added").
            const m = /(\d+) added(?:, (\d+) skipped)?(?:, (\d+) failed)?, (\d+) cancelled/.exec(text);
            assert.ok(m, `cancel toast: ${text}`);
            const [added, skipped, failed, cancelled] = m.slice(1).map((n) => Number(n ?? 0));
            assert.ok(added >= 1 && added < 30, `some but not all files were added: ${text}`);
            assert.ok(cancelled >= 1, `the toast says how many were cancelled: ${text}`);
            assert.equal(added + skipped + failed + cancelled, 30, `every file is accounted for: ${text}`);
            await until(() => journals(ws).length === 0, 'no journal left', 30_000);
            assert.equal(rawFiles(ws).length, added, 'raw/ holds exactly the files reported added');
            assertConsistent(assert, env.jar, ws, 'after the cancelled add');
            assertQuietOutput(output());
        });
    });

    test('a broken [[link]] on a wiki page: Problems panel, light-bulb quick fix, and [[ completion', async () => {
        const ws = server.newWorkspace('links');
        initKb(env.jar, ws);
        // Two documents sharing noun phrases: the offline compiler makes concept pages of what they share
        // ("lazy dog", "quick brown fox": noun phrases by part of speech, so "jumps" is not part of one).
        writeFiles(ws, {
            'incoming/d1.txt': 'Paragraph about topic 1: the quick brown fox jumps over the lazy dog.\n'.repeat(20),
            'incoming/d2.txt': 'Paragraph about topic 2: the quick brown fox jumps over the lazy dog.\n'.repeat(20),
        });
        const added = cli(env.jar, ['add', 'incoming'], ws);
        assert.equal(added.code, 0, `openkb add: ${added.stdout}`);
        const page = path.join(ws, 'wiki', 'summaries', 'd1.md');
        const line = fs.readFileSync(page, 'utf8').split('\n').length; // Ctrl+End lands on this (last, empty) line
        assert.ok(fs.existsSync(path.join(ws, 'wiki', 'concepts', 'lazy-dog.md')), 'the add compiled concepts/lazy-dog');
        assert.ok(fs.existsSync(path.join(ws, 'wiki', 'concepts', 'quick-brown-fox.md')), 'the add compiled concepts/quick-brown-fox');
        await flow('3-links', ws, async (wb, output) => {
            await wb.openFile('summaries/d1.md');
            const editor = wb.page.locator('.editor-instance .monaco-editor').first();
            await editor.waitFor({ timeout: 30_000 });
            await editor.locator('.view-lines').click();
            await wb.page.keyboard.press('Control+End');
            // A link a user might type: the right page, but not its key (lint's repair candidate is concepts/lazy-dog).
            await wb.page.keyboard.type('See [[concepts/Lazy_Dog]] too.');
            await wb.screenshot('typed-broken-link');

            await wb.page.keyboard.press('Control+Shift+M');
            const marker = wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'concepts/Lazy_Dog' }).first();
            await marker.waitFor({ timeout: 60_000 });
            await wb.screenshot('problems-panel');
            const markerText = await marker.innerText();
            assert.match(markerText, new RegExp(`\\[Ln ${line}, Col 5\\]`), `the problem's range starts at the link: ${markerText}`);
            assert.match(await statusBarText(wb), /OpenKB: 1 problem\b/);

            // The cursor inside the link shows the light bulb; its menu offers the quick fix.
            await editor.locator('.view-lines').click();
            await wb.page.keyboard.press('Control+End');
            await wb.page.keyboard.press('Home');
            for (let i = 0; i < 8; i++) await wb.page.keyboard.press('ArrowRight');
            // 1.96 shows the light bulb in the gutter (a glyph-margin widget, codicon-gutter-lightbulb-*), or in
            // the text when the gutter has no room.
            const bulb = editor.locator('.glyph-margin-widgets [class*="lightbulb"], .lightBulbWidget:visible').first();
            await bulb.waitFor({ state: 'visible', timeout: 30_000 });
            await wb.screenshot('light-bulb');
            await bulb.click();
            const fix = wb.page.locator('.action-widget .monaco-list-row', { hasText: 'Replace with [[concepts/lazy-dog]]' }).first();
            await fix.waitFor({ timeout: 30_000 });
            await wb.screenshot('quick-fix-menu');
            // The preferred fix comes focused ("Enter to Apply"); the menu takes keys, as a user uses it.
            assert.match(await fix.getAttribute('class'), /\bfocused\b/, 'the replacement is the preferred fix');
            await wb.page.keyboard.press('Enter');
            await wb.page.locator('.editor-instance .view-line', { hasText: 'See [[concepts/lazy-dog]] too.' }).waitFor({ timeout: 30_000 });
            await until(async () => (await wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'concepts/Lazy_Dog' }).count()) === 0,
                'the broken-link problem to go away', 60_000);
            await wb.screenshot('quick-fix-applied');

            // Typing [[ offers the KB's pages.
            await editor.locator('.view-lines').click();
            await wb.page.keyboard.press('Control+End');
            await wb.page.keyboard.press('Enter');
            await wb.page.keyboard.type('Also [[');
            const suggest = wb.page.locator('.editor-widget.suggest-widget');
            await suggest.locator('.monaco-list-row').first().waitFor({ timeout: 30_000 });
            await wb.page.keyboard.type('quick');
            const item = suggest.locator('.monaco-list-row', { hasText: 'concepts/quick-brown-fox' }).first();
            await item.waitFor({ timeout: 30_000 });
            await wb.screenshot('link-completion');
            await wb.page.keyboard.press('Enter');
            await wb.page.locator('.editor-instance .view-line', { hasText: 'Also [[concepts/quick-brown-fox]]' }).waitFor({ timeout: 30_000 });
            await wb.screenshot('completion-accepted');
            assertQuietOutput(output());
        });
    });

    test('kill the server in the middle of an add: the extension restarts it, Recover rolls back, the KB lints clean', async () => {
        const ws = server.newWorkspace('kill');
        initKb(env.jar, ws);
        generatedDocs(ws, 'thirty', 30);
        writeFiles(ws, { '.vscode/settings.json': JSON.stringify({ 'openkb.add.jobs': 1 }) });
        await flow('4-kill-recover', ws, async (wb, output) => {
            await wb.explorerAction('thirty', 'Add to Knowledge Base');
            const progress = wb.toasts().filter({ hasText: /Adding to OpenKB/ }).first();
            await progress.waitFor({ timeout: 60_000 });
            // Two documents committed before the kill (raw/ shows a third being published): a KB of one
            // document lints its summary as an orphan, since only the index links it, and the flow
            // ends by asserting a clean lint.
            await until(() => rawFiles(ws).length >= 3, 'two files of the add to be committed', 180_000, 20);
            const [victim, ...others] = server.serverPids();
            assert.ok(victim !== undefined && others.length === 0, `one server process of this window: ${server.serverPids()}`);
            // SIGKILL while a commit holds a journal, as a crash or the OOM killer would.
            await until(() => journals(ws).length > 0, 'an add journal in .openkb/journal', 180_000, 2);
            process.kill(victim, 'SIGKILL');
            await wb.screenshot('server-killed');
            const failed = await wb.toast(/could not add/);
            const restarted = await until(() => server.serverPids().find((p) => p !== victim), 'the extension to restart the server', 60_000);
            await wb.screenshot('server-restarted');
            assert.ok(restarted !== victim);
            assert.ok(failed.length > 0);
            assert.match(failed, /the OpenKB server stopped before it answered/, 'the toast speaks to the user, not in vscode-jsonrpc\'s words');
            // The restarted server recovers every KB at initialize, so the interrupted add is usually rolled
            // back before the user asks, and the server says so in a notification; Recover then has nothing
            // left to do. If the restarted server could not recover yet, Recover rolls the add back and says
            // so. Either way the user is told, in a notification, what was rolled back.
            const atRestart = await wb.toast(/OpenKB recovered .*rolled back an interrupted add/, 60_000).catch(() => '');
            if (atRestart) {
                await wb.screenshot('recovered-at-restart');
            }
            await wb.clearToasts();

            await wb.runCommand('OpenKB: Recover Knowledge Base');
            const recovered = await wb.toast(/Rolled back|Nothing to recover/);
            await wb.screenshot('recover-report');
            if (/Nothing to recover/.test(recovered)) {
                assert.match(atRestart, /rolled back an interrupted add \(doc-\d+\.txt\)/,
                    `Recover found nothing, so the restarted server rolled the add back and must have said so; Output:\n${output()}`);
            } else {
                assert.match(recovered, /Rolled back an interrupted add/);
            }
            assert.deepEqual(journals(ws), [], 'no journal left');
            await wb.clearToasts();
            await wb.runCommand('OpenKB: Show Server Output');
            await wb.page.locator('.panel .monaco-editor').first().waitFor({ timeout: 30_000 });
            await wb.screenshot('output-after-restart');

            await wb.runCommand('OpenKB: Lint Knowledge Base');
            await wb.toast(/No problems found/);
            await wb.screenshot('lint-clean');
            assertLintsClean(assert, env.jar, ws, 'after recovery');
            assert.doesNotMatch(await statusBarText(wb), /recovery needed/);
            assert.doesNotMatch(output(), /Unknown option/, 'the restarted server accepted its command line');
        });
    });

    test('ask the demo KB from the palette and from the panel: streamed answer, sources, a cited page opens, saved as exploration', async () => {
        const ws = server.newWorkspace('ask');
        initKb(env.jar, ws);
        // The demo KB: what `bin/demo` builds from docs/samples/.
        const samples = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'docs', 'samples');
        fs.cpSync(samples, path.join(ws, 'samples'), { recursive: true });
        const added = cli(env.jar, ['add', 'samples'], ws);
        assert.equal(added.code, 0, `openkb add samples: ${added.stdout}`);
        await flow('5-ask', ws, async (wb, output) => {
            const question = 'Why must the log reach disk before the data file?';
            await wb.runCommand('OpenKB: Ask…');
            const input = wb.page.locator('.quick-input-widget .quick-input-box input');
            await until(async () => (await wb.page.locator('.quick-input-widget').innerText()).includes('Ask the knowledge base a question'),
                'the question box', 30_000);
            await input.fill(question);
            await wb.screenshot('question-typed');
            await wb.page.keyboard.press('Enter');

            const panel = await askPanel(wb);
            const first = panel.locator('.turn').first();
            await first.locator('.question', { hasText: question }).waitFor({ timeout: 60_000 });
            await panel.locator('.turn[data-status="done"]').first().waitFor({ timeout: 120_000 });
            await wb.screenshot('answered');
            const answer = await first.locator('.answer').innerText();
            assert.match(answer, /write-ahead|fsync|log/i, `the answer quotes the KB: ${answer}`);
            const sources = first.locator('.sources .source');
            assert.ok((await sources.count()) >= 1, 'the panel lists the sources');
            const titles = await sources.allInnerTexts();
            assert.ok(titles.some((t) => /write-ahead-logging|fsync-notes/.test(t)), `the sources name the documents: ${titles.join(' | ')}`);

            // A follow-up typed in the panel; every state the turn passes through is recorded in the webview,
            // so the stream is seen however fast the offline answer is.
            await panel.locator('body').evaluate(() => {
                window.__openkbSeen = [];
                new MutationObserver(() => {
                    const turns = document.querySelectorAll('.turn');
                    const last = turns[turns.length - 1];
                    if (last) window.__openkbSeen.push(`${last.dataset.status}:${last.querySelector('.answer')?.textContent.length ?? 0}`);
                }).observe(document.getElementById('turns'), { subtree: true, childList: true, characterData: true, attributes: true });
            });
            await panel.locator('#question').fill('What does fsync guarantee for directory entries?');
            await panel.locator('#ask').click();
            await panel.locator('.turn[data-status="done"]').nth(1).waitFor({ timeout: 120_000 });
            await wb.screenshot('follow-up-answered');
            assert.equal(await panel.locator('.turn').count(), 2, 'the conversation keeps both turns');
            const seen = await panel.locator('body').evaluate(() => window.__openkbSeen);
            const streamed = seen.filter((s) => s.startsWith('streaming:')).map((s) => Number(s.split(':')[1]));
            assert.ok(streamed.some((n) => n > 0), `the answer showed while it streamed: ${seen.join(', ')}`);

            // Clicking a source opens the cited page in an editor, at the cited passage.
            const source = first.locator('.sources .source-link').first();
            const sourceTitle = await first.locator('.sources .source').first().innerText();
            const page = /— ([^\s(]+)/.exec(sourceTitle)?.[1];
            assert.ok(page, `the source names its page: ${sourceTitle}`);
            await source.click();
            const tab = wb.page.locator('.tabs-container .tab', { hasText: `${path.basename(page)}.` }).first();
            await tab.waitFor({ timeout: 30_000 });
            await wb.screenshot('source-opened');
            assert.ok(fs.existsSync(path.join(ws, 'wiki', `${page}.md`)) || fs.existsSync(path.join(ws, 'wiki', `${page}.json`)), `${page} is a page of the KB`);

            // Save as exploration: the server writes wiki/explorations/<slug>.md.
            await first.locator('button.save').click();
            await first.locator('.saved').waitFor({ timeout: 60_000 });
            await wb.screenshot('saved');
            const saved = path.join(ws, 'wiki', 'explorations', 'why-must-the-log-reach-disk-before-the-data-file.md');
            await until(() => fs.existsSync(saved), `${saved} to be written`, 30_000);
            assert.match(fs.readFileSync(saved, 'utf8'), /Why must the log reach disk before the data file\?/);
            assertConsistent(assert, env.jar, ws, 'after saving an exploration');
            assertQuietOutput(output());
        });
    });

    test('navigate a KB: symbol search, outline, the backlinks lens and view, the Documents view, the graph', async () => {
        const ws = server.newWorkspace('navigate');
        const wiki = twoDocumentKb(ws);
        await flow('6-navigate', ws, async (wb, output) => {
            // Go to Symbol in Workspace (Ctrl+T is "#" in the palette) finds the concept page by its title.
            // The server answers once it has indexed the KB, so the query is typed again until it does.
            const symbol = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Quick brown fox' }).first();
            await wb.repeatUntilShown(async () => {
                await wb.openPalette();
                await wb.page.locator('.quick-input-widget .quick-input-box input').fill('#Quick brown fox');
            }, symbol, 'the workspace symbol "Quick brown fox"');
            await wb.screenshot('workspace-symbol');
            assert.match(await symbol.innerText(), /concepts\/quick-brown-fox/, 'the symbol names its page key');
            await symbol.click();
            await wb.tab('quick-brown-fox.md').waitFor({ timeout: 30_000 });
            const editor = wb.activeEditor();
            await editor.locator('.view-line', { hasText: '# Quick brown fox' }).waitFor({ timeout: 30_000 });

            // The Outline shows the page's headings. The folders section is folded away first, as a user
            // makes room, so the side bar shows the whole outline.
            await wb.page.locator('.pane', { has: wb.page.locator('.explorer-folders-view') }).locator('.pane-header').first().click();
            await wb.page.locator('.explorer-folders-view').waitFor({ state: 'hidden', timeout: 30_000 });
            const outline = await wb.focusView('Outline');
            // With two outline providers (OpenKB's and the Markdown extension's) VS Code groups the symbols by
            // provider, collapsed once the second one answers: OpenKB's group is opened by its twistie.
            const group = outline.locator('.monaco-list-row', { hasText: /^OpenKB$/ }).first();
            await until(async () => {
                if ((await group.count()) > 0 && (await group.getAttribute('aria-expanded')) === 'false') {
                    await group.locator('.monaco-tl-twistie').click();
                }
                return outline.locator('.monaco-list-row', { hasText: /^Related Documents$/ }).first().isVisible();
            }, "the outline to show the page's headings", 60_000, 500);
            for (const heading of ['Quick brown fox', 'From d1', 'From d2', 'Related Documents']) {
                // OpenKB's symbols are the heading texts ("From d1"); the Markdown extension's keep the #s.
                await outline.locator('.monaco-list-row', { hasText: new RegExp(`^${heading}$`) }).first().waitFor({ timeout: 30_000 });
            }
            await wb.screenshot('outline');

            // "N backlinks" on the title; clicking it peeks the pages that link here. VS Code asks for code lenses
            // only while the editor has focus (it drops a pending request when the editor loses it, as the click
            // into the Outline above did), so the user's click back into the page is what brings the lens.
            await editor.locator('.view-line', { hasText: '# Quick brown fox' }).first().click();
            const lens = editor.locator('.codelens-decoration a', { hasText: /\d+ backlinks?/ }).first();
            await lens.waitFor({ timeout: 60_000 });
            const lensText = await lens.innerText();
            const linking = linkingPages(wiki, 'concepts/quick-brown-fox');
            assert.deepEqual(linking, ['index', 'summaries/d1', 'summaries/d2'], 'the fixture: the index and both summaries link the concept');
            assert.match(lensText, new RegExp(`^${linking.length} backlinks`), `the lens counts the linking pages: ${lensText}`);
            await lens.click();
            const peek = wb.page.locator('.reference-zone-widget').first();
            await peek.waitFor({ timeout: 30_000 });
            for (const file of ['index.md', 'd1.md', 'd2.md']) {
                await peek.locator('.ref-tree .monaco-list-row', { hasText: file }).first().waitFor({ timeout: 30_000 });
            }
            await wb.screenshot('backlinks-lens-references');
            await wb.page.keyboard.press('Escape');
            await peek.waitFor({ state: 'hidden', timeout: 30_000 });

            // Folding: the front matter folds as one block (OpenKB's range; the Markdown extension folds sections
            // and lists but not front matter), and unfolds again.
            const frontMatterKey = editor.locator('.view-line', { hasText: 'type: "Concept"' });
            await frontMatterKey.first().waitFor({ timeout: 30_000 });
            await wb.goTo(1, 1);
            await wb.runExactCommand('Fold');
            await frontMatterKey.first().waitFor({ state: 'detached', timeout: 30_000 });
            assert.ok(await editor.locator('.view-line', { hasText: '# Quick brown fox' }).first().isVisible(), 'folding the front matter keeps the title');
            await wb.screenshot('front-matter-folded');
            await wb.runExactCommand('Unfold');
            await frontMatterKey.first().waitFor({ timeout: 30_000 });

            // The Backlinks view lists the same pages for the active page, each at its line.
            const backlinks = await wb.focusView('Backlinks');
            for (const key of linking) {
                const row = backlinks.locator('.monaco-list-row', { hasText: key }).first();
                await row.waitFor({ timeout: 30_000 });
                const line = linkLine(wiki, key, 'concepts/quick-brown-fox');
                assert.match(await row.innerText(), new RegExp(`line ${line}\\b`), `${key} links at line ${line}`);
            }
            await wb.screenshot('backlinks-view');

            // The Documents view lists the KB's documents with their type; a document opens into its pages
            // and its context menu offers recompile and remove.
            const documents = await wb.focusView('Knowledge Base Documents');
            const d1 = documents.locator('.monaco-list-row', { hasText: 'd1.txt' }).first();
            await d1.waitFor({ timeout: 30_000 });
            await documents.locator('.monaco-list-row', { hasText: 'd2.txt' }).first().waitFor({ timeout: 30_000 });
            assert.equal(await documents.locator('.monaco-list-row').count(), 2, 'two documents, nothing else');
            await d1.click();
            await documents.locator('.monaco-list-row', { hasText: 'summaries/d1' }).first().waitFor({ timeout: 30_000 });
            await d1.click({ button: 'right' });
            for (const action of ['Recompile Document', 'Remove Document from Knowledge Base']) {
                await wb.page.locator('.monaco-menu .action-item .action-label', { hasText: action }).first().waitFor({ timeout: 30_000 });
            }
            await wb.screenshot('documents-view');
            await wb.page.keyboard.press('Escape');

            // Show Graph: the webview draws every page; clicking the "lazy dog" node opens its page.
            await wb.runCommand('OpenKB: Show Graph');
            const graph = await webview(wb, '#graph');
            const pages = graphNodes(wiki);
            await until(async () => new RegExp(`^${pages} pages, \\d+ links?$`).test(await graph.locator('#count').innerText()),
                `the graph to count ${pages} pages`, 30_000);
            // The layout animates for a few hundred frames: the node is looked for once the picture is still.
            let last = '';
            await until(async () => {
                const now = await graph.locator('#graph').evaluate((c) => c.toDataURL());
                const still = now === last;
                last = now;
                return still;
            }, 'the graph layout to settle', 60_000, 500);
            await graph.locator('#q').fill('lazy dog');
            await until(async () => (await graph.locator('#count').innerText()) === `1 of ${pages}`, 'the search to keep one page', 10_000);
            await wb.screenshot('graph');
            const at = await graph.locator('#graph').evaluate(nodeOfColour, [0xf2, 0x8e, 0x2b]); // a concept, drawn in full colour
            assert.ok(at, 'the searched concept is drawn on the canvas');
            // Playwright places a click in the webview's inner frame some pixels off (the frames' offsets),
            // so the pointer is first moved there and the position the page saw corrects the click.
            const canvas = graph.locator('#graph');
            await canvas.evaluate(() => {
                window.addEventListener('mousemove', (e) => { window.__openkbPointer = { x: e.clientX, y: e.clientY }; }, true);
            });
            await canvas.hover({ position: at });
            const seen = await until(() => canvas.evaluate(() => window.__openkbPointer), 'the pointer over the graph', 10_000);
            await canvas.click({ position: { x: 2 * at.x - seen.x, y: 2 * at.y - seen.y } });
            await graph.locator('#info-title', { hasText: 'Lazy dog' }).waitFor({ timeout: 30_000 });
            await wb.tab('lazy-dog.md').waitFor({ timeout: 30_000 });
            await wb.screenshot('graph-node-opened');
            assertQuietOutput(output());
        });
    });

    test('rename a page with F2 on a [[link]] and from the explorer: the file moves and every link follows', async () => {
        const ws = server.newWorkspace('rename');
        const wiki = twoDocumentKb(ws);
        await flow('7-rename', ws, async (wb, output) => {
            // F2 on the link [[concepts/lazy-dog]] in summaries/d1.
            await wb.openFile('summaries/d1.md');
            const line = linkLine(wiki, 'summaries/d1', 'concepts/lazy-dog');
            await wb.activeEditor().locator('.view-line', { hasText: '[[concepts/lazy-dog]]' }).waitFor({ timeout: 30_000 });
            // F2 is pressed once the OpenKB server answers for this page (its lens shows): before that, only
            // VS Code's Markdown extension offers a rename here, and it takes [[x]] for a reference link.
            await wb.activeEditor().locator('.codelens-decoration a', { hasText: /\d+ backlinks?/ }).first().waitFor({ timeout: 60_000 });
            await wb.goTo(line, 8);
            // The server's prepareRename answers once it knows the page; until then F2 says there is nothing to rename.
            const box = wb.page.locator('.rename-box input').first();
            await wb.repeatUntilShown(() => wb.page.keyboard.press('F2'), box, 'the rename box on [[concepts/lazy-dog]]');
            assert.equal(await box.inputValue(), 'lazy-dog', 'the rename box offers the page name (OpenKB\'s rename, not Markdown\'s)');
            await box.fill('sleepy-dog');
            await wb.screenshot('rename-box');
            await wb.page.keyboard.press('Enter');
            await until(() => fs.existsSync(path.join(wiki, 'concepts', 'sleepy-dog.md')) && !fs.existsSync(path.join(wiki, 'concepts', 'lazy-dog.md')),
                'concepts/lazy-dog.md to be renamed to sleepy-dog.md on disk', 60_000);
            await until(() => linkingPages(wiki, 'concepts/sleepy-dog').join() === 'index,summaries/d1,summaries/d2',
                'the index and both summaries to link [[concepts/sleepy-dog]] on disk', 60_000);
            assert.deepEqual(linkingPages(wiki, 'concepts/lazy-dog'), [], 'no page links the old name');
            await wb.activeEditor().locator('.view-line', { hasText: '[[concepts/sleepy-dog]]' }).waitFor({ timeout: 30_000 });
            await wb.screenshot('renamed-by-f2');

            // The explorer's own Rename of concepts/quick-brown-fox.md: workspace/willRenameFiles rewrites the links.
            await wb.openFile('concepts/quick-brown-fox.md');
            await wb.runCommand('File: Reveal Active File in Explorer View');
            await wb.explorerAction('quick-brown-fox.md', 'Rename');
            const input = wb.page.locator('.explorer-folders-view .monaco-inputbox input').first();
            await input.waitFor({ timeout: 30_000 });
            await input.fill('swift-fox.md');
            await wb.screenshot('explorer-rename');
            await wb.page.keyboard.press('Enter');
            // VS Code asks before it applies an extension's edits to a file move; the user says OK.
            const dialog = wb.page.locator('.monaco-dialog-box', { hasText: "Extension 'OpenKB' wants to make refactoring changes with this file move" });
            await dialog.waitFor({ timeout: 60_000 });
            await wb.screenshot('explorer-rename-confirm');
            await dialog.locator('.monaco-button', { hasText: /^OK$/ }).click();
            await until(() => fs.existsSync(path.join(wiki, 'concepts', 'swift-fox.md')) && !fs.existsSync(path.join(wiki, 'concepts', 'quick-brown-fox.md')),
                'the explorer to rename concepts/quick-brown-fox.md on disk', 60_000);
            await until(() => linkingPages(wiki, 'concepts/swift-fox').join() === 'index,summaries/d1,summaries/d2',
                'the index and both summaries to link [[concepts/swift-fox]] on disk', 60_000);
            assert.deepEqual(linkingPages(wiki, 'concepts/quick-brown-fox'), [], 'no page links the old name');
            await wb.explorerRow('swift-fox.md').waitFor({ timeout: 30_000 });
            await wb.screenshot('renamed-in-explorer');
            await until(async () => (await wb.page.locator('.tab.dirty').count()) === 0, 'every edited file to be saved', 30_000);
            assertConsistent(assert, env.jar, ws, 'after both renames');
            assertQuietOutput(output());

            // F2 on [[summaries/d1]]: a summary is named after its document, so OpenKB refuses. The rename must
            // not fall through to the Markdown extension, which takes the link for a reference link and would
            // rewrite its text alone, breaking it: OpenKB keeps the link, says why, and changes nothing.
            await wb.clearToasts();
            await wb.openFile('concepts/swift-fox.md');
            const summaryLink = linkLine(wiki, 'concepts/swift-fox', 'summaries/d1');
            await wb.activeEditor().locator('.view-line', { hasText: '[[summaries/d1]]' }).waitFor({ timeout: 30_000 });
            await wb.goTo(summaryLink, 6);
            await wb.page.keyboard.press('F2');
            await box.waitFor({ timeout: 30_000 });
            assert.equal(await box.inputValue(), 'd1', "the rename box is OpenKB's (the page name), not Markdown's (the link text)");
            await box.fill('renamed-summary');
            await wb.page.keyboard.press('Enter');
            await wb.toast(/OpenKB: nothing renamed: .*summar/i, 60_000);
            await wb.screenshot('summary-rename-refused');
            assert.ok(fs.existsSync(path.join(wiki, 'summaries', 'd1.md')), 'the summary keeps its file');
            assert.equal(linkLine(wiki, 'concepts/swift-fox', 'summaries/d1'), summaryLink, 'the link is unchanged on disk');
            assert.equal(await wb.page.locator('.tab.dirty').count(), 0, 'no editor was changed');
            await wb.activeEditor().locator('.view-line', { hasText: '[[summaries/d1]]' }).waitFor({ timeout: 30_000 });
            assertConsistent(assert, env.jar, ws, 'after the refused rename');
        });
    });
});
