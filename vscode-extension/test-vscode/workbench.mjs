// One code-server (VS Code 1.96 served to a browser) with the packaged extension installed, and a headless
// Chromium driven by playwright-core, for the real-editor suite. Everything lives under one throwaway
// folder (HOME, XDG dirs, user data, extensions, workspaces; Chromium gets a new empty profile) and binds to 127.0.0.1 only.
//
// Owned by the test file's single thread; `CodeServer` holds the child process and the browser, and a
// `Workbench` is one browser page showing one workspace folder.
import { spawn, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';

/** Environment the runner (run.mjs) passes in. */
export function harnessEnv() {
    const need = (name) => {
        const v = process.env[name];
        if (!v) throw new Error(`${name} is not set: run the suite with \`npm run test:vscode\`, which sets it`);
        return v;
    };
    return {
        installDir: need('OPENKB_VSCODE_DIR'),
        vsix: need('OPENKB_VSIX'),
        jar: need('OPENKB_JAR'),
        artifacts: need('OPENKB_VSCODE_ARTIFACTS'),
    };
}

function freePort() {
    return new Promise((resolve, reject) => {
        const srv = net.createServer();
        srv.on('error', reject);
        srv.listen(0, '127.0.0.1', () => {
            const { port } = srv.address();
            srv.close(() => resolve(port));
        });
    });
}

/** Polls `probe` until it returns a truthy value; `what` names the awaited state in the timeout error. */
export async function until(probe, what, timeoutMs = 60_000, everyMs = 100) {
    const deadline = Date.now() + timeoutMs;
    let last;
    for (;;) {
        try {
            const v = await probe();
            if (v) return v;
        } catch (e) {
            last = e;
        }
        if (Date.now() > deadline) {
            throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${last.message})` : ''}`);
        }
        await new Promise((r) => setTimeout(r, everyMs));
    }
}

/** User settings that keep a test run quiet and deterministic (no trust prompt, welcome page or tips). */
const USER_SETTINGS = {
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'editor.autoClosingBrackets': 'never',
    'editor.quickSuggestions': { other: false, comments: false, strings: false },
    'markdown.validate.enabled': false,
    'files.autoSave': 'off',
    'window.restoreWindows': 'none',
};

export class CodeServer {
    /** Starts code-server with the extension installed and launches Chromium. */
    static async start({ installDir, vsix, artifacts }) {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), 'openkb-real-vscode-'));
        const dirs = {
            root,
            home: path.join(root, 'home'),
            userData: path.join(root, 'user-data'),
            extensions: path.join(root, 'extensions'),
            workspaces: path.join(root, 'workspaces'),
        };
        for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
        fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
        fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
        const config = path.join(root, 'code-server.yaml');
        fs.writeFileSync(config, 'auth: none\n');
        const env = {
            ...process.env,
            HOME: dirs.home,
            XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
            XDG_DATA_HOME: path.join(dirs.home, '.local', 'share'),
            XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
            XDG_STATE_HOME: path.join(dirs.home, '.local', 'state'),
        };
        const bin = path.join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
        const common = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--config', config];
        let child;
        let logFile;
        let url;
        try {
            execFileSync(process.execPath, [bin, ...common, '--install-extension', vsix], { env, stdio: 'pipe', timeout: 120_000 });
            const port = await freePort();
            fs.mkdirSync(artifacts, { recursive: true });
            logFile = path.join(artifacts, 'code-server.log');
            const log = fs.openSync(logFile, 'a');
            child = spawn(
                process.execPath,
                [bin, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
                    '--disable-workspace-trust', '--disable-getting-started-override', ...common],
                { env, stdio: ['ignore', log, log], detached: true },
            );
            fs.closeSync(log); // the child has its own copy
            url = `http://127.0.0.1:${port}`;
        } catch (e) {
            fs.rmSync(root, { recursive: true, force: true }); // nothing started yet that could still write there
            throw e;
        }
        const server = new CodeServer(dirs, child, url, logFile);
        try {
            await until(async () => (await fetch(`${url}/healthz`)).ok, `code-server on ${url} (log: ${logFile})`, 60_000, 200);
            const { chromium } = createRequire(path.join(installDir, 'package.json'))('playwright-core');
            server.browser = await chromium.launch({
                executablePath: '/usr/bin/chromium',
                headless: true,
                args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
                // No --user-data-dir: playwright gives every launch a new, empty profile of its own.
            });
        } catch (e) {
            await server.stop();
            throw e;
        }
        return server;
    }

    constructor(dirs, child, url, logFile) {
        this.dirs = dirs;
        this.child = child;
        this.url = url;
        this.logFile = logFile;
        this.browser = undefined;
    }

    /** A new, empty workspace folder (one per flow). */
    newWorkspace(name) {
        const dir = fs.mkdtempSync(path.join(this.dirs.workspaces, `${name}-`));
        return dir;
    }

    /** Opens `folder` in a new browser page and waits until the workbench shows it. */
    async open(folder, artifactsDir) {
        const context = await this.browser.newContext({ viewport: { width: 1400, height: 900 } });
        // Every text a notification showed since the last clearToasts(), so a short-lived toast (the
        // progress of a one-file add on a fast machine) is not missed between two looks at the page.
        await context.addInitScript(() => {
            window.__openkbToasts = [];
            const record = () => {
                for (const el of document.querySelectorAll('.notifications-toasts .notification-toast')) {
                    const text = el.innerText;
                    if (text && !window.__openkbToasts.includes(text)) window.__openkbToasts.push(text);
                }
            };
            new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true });
        });
        const page = await context.newPage();
        await page.goto(`${this.url}/?folder=${encodeURIComponent(folder)}`);
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        await page.locator('.explorer-folders-view').waitFor({ timeout: 60_000 });
        return new Workbench(this, page, context, folder, artifactsDir);
    }

    /** Processes whose command line runs the extension's server jar from this code-server's extensions dir. */
    serverPids() {
        const pids = [];
        for (const entry of fs.readdirSync('/proc')) {
            if (!/^\d+$/.test(entry)) continue;
            let cmd;
            try {
                cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
            } catch {
                continue;
            }
            const jar = cmd.findIndex((a) => a.startsWith(this.dirs.extensions) && a.endsWith(path.join('server', 'openkb.jar')));
            if (jar >= 0 && cmd[jar + 1] === 'lsp') pids.push(Number(entry));
        }
        return pids;
    }

    async stop() {
        await this.browser?.close().catch(() => {});
        if (this.child.exitCode === null) {
            const exited = new Promise((r) => this.child.once('exit', r));
            try {
                process.kill(-this.child.pid, 'SIGTERM'); // its process group: code-server, extension hosts, servers
            } catch {
                /* already gone */
            }
            await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
            try {
                process.kill(-this.child.pid, 'SIGKILL');
            } catch {
                /* already gone */
            }
        }
        fs.rmSync(this.dirs.root, { recursive: true, force: true, maxRetries: 3 });
    }
}

/** One workbench page: what a user sees and does, plus a numbered screenshot per step. */
export class Workbench {
    constructor(server, page, context, folder, artifactsDir) {
        this.server = server;
        this.page = page;
        this.context = context;
        this.folder = folder;
        this.artifactsDir = artifactsDir;
        this.shot = 0;
        fs.mkdirSync(artifactsDir, { recursive: true });
    }

    async screenshot(step) {
        this.shot += 1;
        const file = path.join(this.artifactsDir, `${String(this.shot).padStart(2, '0')}-${step}.png`);
        await this.page.screenshot({ path: file });
        return file;
    }

    /**
     * Runs a command from the palette (F1) by its title, as a user types it. Right after a window opens,
     * the extensions' commands join the palette only once the remote extension host has scanned them,
     * so the palette is reopened until the title shows up.
     */
    async runCommand(title) {
        const row = await this.paletteRow(title);
        await row.click();
    }

    /** Runs the palette command whose label is exactly `label` ("Fold", not "Fold All"). */
    async runExactCommand(label) {
        const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
        const row = await this.paletteRow(label, 60_000, (rows) => rows.filter({ has: this.page.locator('.label-name', { hasText: exact }) }));
        await row.click();
    }

    /**
     * Opens the palette on `>title` and returns the row of that command (the palette stays open): the first
     * row showing `title`, or the first of `pick(rows)`.
     */
    async paletteRow(title, timeoutMs = 60_000, pick = (rows) => rows.filter({ hasText: title })) {
        const row = pick(this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row')).first();
        return this.repeatUntilShown(async () => {
            await this.openPalette();
            await this.page.locator('.quick-input-widget .quick-input-box input').fill(`>${title}`);
        }, row, `the palette to offer "${title}"`, timeoutMs);
    }

    /**
     * Repeats the user's `gesture` until `target` shows, for what answers only once the extension or its
     * server is ready: each try waits 3 s, then Escape closes whatever the gesture opened. Returns `target`.
     */
    async repeatUntilShown(gesture, target, what, timeoutMs = 60_000) {
        await until(async () => {
            await gesture();
            try {
                await target.waitFor({ timeout: 3_000 });
                return true;
            } catch {
                await this.page.keyboard.press('Escape');
                return false;
            }
        }, what, timeoutMs, 500);
        return target;
    }

    /** Opens a workspace file by (part of) its path through Quick Open, as Ctrl+P does. */
    async openFile(relative) {
        await this.openPalette();
        await this.page.locator('.quick-input-widget .quick-input-box input').fill(relative);
        const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: path.basename(relative) }).first();
        await row.waitFor({ timeout: 30_000 });
        await row.click();
        await this.page.locator('.tabs-container .tab', { hasText: path.basename(relative) }).first().waitFor({ timeout: 30_000 });
    }

    async openPalette() {
        const widget = this.page.locator('.quick-input-widget');
        if (!(await widget.isVisible())) {
            await this.page.locator('.monaco-workbench').click({ position: { x: 700, y: 5 } }).catch(() => {});
            await this.page.keyboard.press('F1');
        }
        await this.page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible', timeout: 30_000 });
    }

    /** The explorer row of `name` (a file or folder directly in the workspace root). */
    explorerRow(name) {
        return this.page.locator('.explorer-folders-view .monaco-list-row', {
            has: this.page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }),
        }).first();
    }

    /**
     * Right-clicks `name` in the explorer and chooses `action` from its context menu. The extension's
     * entries depend on a context key it sets once it has found the workspace's KB, so the menu is
     * reopened until the entry shows up.
     */
    async explorerAction(name, action, timeoutMs = 60_000) {
        const row = this.explorerRow(name);
        await row.waitFor({ timeout: 30_000 });
        const item = this.page.locator('.monaco-menu .action-item .action-label', { hasText: action }).first();
        await until(async () => {
            await row.click();
            await row.click({ button: 'right' });
            await this.page.locator('.monaco-menu .action-item').first().waitFor({ timeout: 5_000 });
            if (await item.isVisible()) return true;
            await this.page.keyboard.press('Escape');
            return false;
        }, `"${action}" in the context menu of ${name}`, timeoutMs, 500);
        await this.screenshot(`context-menu-${action.replace(/\W+/g, '-').toLowerCase()}`);
        await item.click();
    }

    /**
     * A section of the side bar (Outline, Backlinks, Knowledge Base Documents…) by its header title,
     * opened and focused through the palette's "Focus on <name> View", as a user would find it.
     */
    async focusView(title) {
        await this.runCommand(`Focus on ${title} View`);
        const pane = this.viewPane(title);
        await pane.locator('.pane-body').waitFor({ state: 'visible', timeout: 30_000 });
        return pane;
    }

    /** The side-bar section whose header reads `title` (headers are shown in capitals; matched without case). */
    viewPane(title) {
        return this.page.locator('.pane', {
            has: this.page.locator('.pane-header .title', { hasText: new RegExp(`^${title}$`, 'i') }),
        }).first();
    }

    /** The text editor of the active editor group. */
    activeEditor() {
        return this.page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
    }

    /** Puts the cursor at 1-based `line` and `column` of the active editor through Go to Line (Ctrl+G). */
    async goTo(line, column) {
        await this.openPalette();
        await this.page.locator('.quick-input-widget .quick-input-box input').fill(`:${line}:${column}`);
        await this.page.keyboard.press('Enter');
        await this.page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).first().waitFor({ timeout: 30_000 });
    }

    /** The editor tab of the file named `name` (in any group). */
    tab(name) {
        return this.page.locator('.tabs-container .tab', {
            has: this.page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }),
        }).first();
    }

    /** The notification toasts shown now. */
    toasts() {
        return this.page.locator('.notifications-toasts .notification-toast');
    }

    /**
     * Waits for a toast whose text matches `pattern`, shown now or since the last clearToasts() (a toast
     * may come and go between two looks), and returns its text.
     */
    async toast(pattern, timeoutMs = 120_000) {
        return until(async () => {
            const now = (await this.toasts().allInnerTexts()).find((t) => pattern.test(t));
            return now ?? (await this.page.evaluate(() => window.__openkbToasts)).find((t) => pattern.test(t));
        }, `a notification matching ${pattern}`, timeoutMs, 100);
    }

    /** Closes every toast, and forgets those seen, so the next step's toast is unambiguous. */
    async clearToasts() {
        await this.runCommand('Notifications: Clear All Notifications');
        await until(async () => (await this.toasts().count()) === 0, 'no toasts', 10_000);
        await this.page.evaluate(() => { window.__openkbToasts = []; });
    }

    async close() {
        await this.context.close().catch(() => {});
    }
}
