/**
 * Import this first in a unit test that loads extension code: it makes `require('vscode')` and
 * `require('vscode-languageclient[/node]')` return the mocks (by patching Module._load, the hook every
 * CommonJS require goes through), and offers per-test fixtures.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as languageClientMock from './languageClientMock';
import * as vscodeMock from './vscodeMock';

const Module = require('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };
const load = Module._load;
Module._load = function (request: string, ...rest: unknown[]): unknown {
    if (request === 'vscode') {
        return vscodeMock.vscode;
    }
    if (request === 'vscode-languageclient' || request === 'vscode-languageclient/node') {
        return languageClientMock;
    }
    return load.call(this, request, ...rest);
};

export { vscodeMock, languageClientMock };
export { RpcError } from './fakeServer';

export function tempDir(prefix = 'openkb-unit-'): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A folder that looks like a JDK: bin/java prints `versionLine` the way `java -version` does (to stderr). */
export function fakeJdk(versionLine: string): string {
    const home = tempDir('openkb-jdk-');
    fs.mkdirSync(path.join(home, 'bin'));
    const java = path.join(home, 'bin', 'java');
    fs.writeFileSync(java, `#!/bin/sh\necho '${versionLine}' >&2\n`, { mode: 0o755 });
    return home;
}

/** A KB folder as the server's `init` leaves it, as far as the extension looks (the config marker). */
export function makeKb(parent: string, name = 'kb'): string {
    const kb = path.join(parent, name);
    fs.mkdirSync(path.join(kb, '.openkb'), { recursive: true });
    fs.mkdirSync(path.join(kb, 'wiki'), { recursive: true });
    fs.writeFileSync(path.join(kb, '.openkb', 'config.yaml'), 'model: gpt-4o-mini\nlanguage: en\n');
    return kb;
}

export interface Workspace {
    root: string;
    kb: string | undefined;
    extensionPath: string;
    vs: vscodeMock.MockState;
    clients: languageClientMock.ClientState;
    secrets: vscodeMock.MockSecretStorage;
}

/**
 * Fresh mocks and a workspace folder (with a KB unless `withKb` is false), a Java 17 JDK and a server jar
 * in the settings, as a user with a working setup has them.
 */
export function workspace(options: { withKb?: boolean } = {}): Workspace {
    const vs = vscodeMock.reset();
    const clients = languageClientMock.resetClients();
    const root = tempDir();
    const kb = options.withKb === false ? undefined : makeKb(root);
    const extensionPath = tempDir('openkb-ext-');
    fs.mkdirSync(path.join(extensionPath, 'server'));
    fs.writeFileSync(path.join(extensionPath, 'server', 'openkb.jar'), 'not really a jar: the client is mocked');
    vs.workspaceFolders = [{ uri: vscodeMock.Uri.file(root), name: path.basename(root), index: 0 }];
    vs.settings['openkb.java.home'] = fakeJdk('openjdk version "17.0.15" 2025-04-15');
    return { root, kb, extensionPath, vs, clients, secrets: new vscodeMock.MockSecretStorage() };
}

/** The extension context `activate` needs; its secret storage is the workspace's. */
export function extensionContext(ws: Workspace): { subscriptions: Array<{ dispose(): unknown }>; extensionPath: string; secrets: vscodeMock.MockSecretStorage } {
    return { subscriptions: [], extensionPath: ws.extensionPath, secrets: ws.secrets };
}

/**
 * A JDK whose bin/java answers `-version` like Java 17 and otherwise writes each argument on its own
 * line to `<home>/calls.log` (a blank line ends a call), then prints `stdout` and exits with `exitCode`:
 * enough to see what the extension runs of the jar's CLI.
 */
export function recordingJdk(stdout = '', exitCode = 0): { home: string; calls(): string[][] } {
    const home = fakeJdk('openjdk version "17.0.15" 2025-04-15');
    const log = path.join(home, 'calls.log');
    fs.writeFileSync(
        path.join(home, 'bin', 'java'),
        `#!/bin/sh\nif [ "$1" = "-version" ]; then echo 'openjdk version "17.0.15"' >&2; exit 0; fi\n` +
            `for a in "$@"; do printf '%s\\n' "$a" >> '${log}'; done\nprintf '\\n' >> '${log}'\n` +
            `printf '%s' '${stdout}'\nexit ${exitCode}\n`,
        { mode: 0o755 },
    );
    const calls = (): string[][] =>
        fs.existsSync(log)
            ? fs.readFileSync(log, 'utf8').split('\n\n').filter((c) => c.length > 0).map((c) => c.split('\n'))
            : [];
    return { home, calls };
}

/** Awaits `condition` (polled on the event loop) for at most `ms`; rejects naming `what`. */
export async function eventually(what: string, condition: () => boolean, ms = 5000): Promise<void> {
    const end = Date.now() + ms;
    while (!condition()) {
        if (Date.now() > end) {
            throw new Error(`timed out waiting for ${what}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 2));
    }
}
