/**
 * `npm run test:integration`: runs src/test/integration/suite inside a real VS Code (the Extension
 * Development Host) on a KB made by the server jar. Needs VS Code: $VSCODE_EXECUTABLE, or a download from
 * VS Code's update server. When that host cannot be reached this prints why and exits 0 (a skip, not a
 * pass: nothing ran). Needs the server jar (../server/target/openkb.jar or $OPENKB_JAR); without it, fails.
 * On a headless Linux machine run it under `xvfb-run -a`.
 */
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { promises as dns } from 'node:dns';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createKb, requireServerJar, tempDir, testJava, writeFiles } from '../e2e/kbFixture';
import { BROKEN_PAGE, BROKEN_PAGE_TEXT, UNOPENED_PAGE } from './suite/fixture';

const DOWNLOAD_HOST = 'update.code.visualstudio.com';
const NETWORK_ERRORS = ['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH'];
const extensionRoot = path.resolve(__dirname, '..', '..', '..', '..');

function networkError(error: unknown): string | undefined {
    const text = `${(error as { code?: string }).code ?? ''} ${(error as Error).message ?? ''}`;
    return NETWORK_ERRORS.find((code) => text.includes(code));
}

/** VS Code to test in, or the reason there is none. */
async function vscodeExecutable(): Promise<{ path: string } | { skip: string }> {
    if (process.env.VSCODE_EXECUTABLE) {
        return { path: process.env.VSCODE_EXECUTABLE };
    }
    try {
        await dns.lookup(DOWNLOAD_HOST);
    } catch (error) {
        return { skip: `${DOWNLOAD_HOST} cannot be resolved (${(error as { code?: string }).code}), so VS Code cannot be downloaded` };
    }
    try {
        return { path: await downloadAndUnzipVSCode({ version: process.env.VSCODE_VERSION ?? 'stable', timeout: 30_000 }) };
    } catch (error) {
        const code = networkError(error);
        if (code !== undefined) {
            return { skip: `downloading VS Code failed (${code}): ${(error as Error).message}` };
        }
        throw error;
    }
}

async function main(): Promise<number> {
    const vscode = await vscodeExecutable();
    if ('skip' in vscode) {
        console.log(`SKIP: real-VS-Code integration tests did not run: ${vscode.skip}. Set VSCODE_EXECUTABLE to a VS Code binary to run them.`);
        return 0;
    }
    const jar = requireServerJar();
    fs.mkdirSync(path.join(extensionRoot, 'server'), { recursive: true });
    fs.copyFileSync(jar, path.join(extensionRoot, 'server', 'openkb.jar'));
    const kb = await createKb(await testJava(), jar);
    writeFiles(kb, { [BROKEN_PAGE]: BROKEN_PAGE_TEXT, [UNOPENED_PAGE]: BROKEN_PAGE_TEXT });
    return runTests({
        vscodeExecutablePath: vscode.path,
        extensionDevelopmentPath: extensionRoot,
        extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
        extensionTestsEnv: { OPENKB_IT_KB: kb },
        launchArgs: [kb, '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${tempDir('openkb-it-user-')}`],
    });
}

main().then(
    (code) => process.exit(code),
    (error) => {
        console.error(`integration tests failed: ${(error as Error).stack ?? error}`);
        process.exit(1);
    },
);
