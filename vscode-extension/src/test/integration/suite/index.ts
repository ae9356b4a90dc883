/**
 * Runs inside the Extension Development Host (real VS Code), started by runIntegration.ts with a KB open.
 * A small runner instead of mocha: each check is awaited in turn; `run` throws if any failed, which
 * makes VS Code exit non-zero.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CommandId } from '../../../commands/ids';
import { BROKEN_LINE, BROKEN_PAGE, UNOPENED_PAGE } from './fixture';

const EXTENSION_ID = 'openkb.openkb';

function kbFolder(): string {
    const kb = process.env.OPENKB_IT_KB;
    assert.ok(kb, 'OPENKB_IT_KB names the KB the runner opened');
    return kb;
}

/** Resolves with the diagnostics of `uri` once `test` accepts them; rejects after `ms`. */
function diagnosticsOf(uri: vscode.Uri, test: (d: readonly vscode.Diagnostic[]) => boolean, ms: number): Promise<readonly vscode.Diagnostic[]> {
    return new Promise((resolve, reject) => {
        const done = (d: readonly vscode.Diagnostic[]): void => {
            clearTimeout(timer);
            listener.dispose();
            resolve(d);
        };
        const timer = setTimeout(() => {
            listener.dispose();
            reject(new Error(`no matching diagnostics for ${uri.toString()} within ${ms} ms`));
        }, ms);
        const listener = vscode.languages.onDidChangeDiagnostics(() => {
            const d = vscode.languages.getDiagnostics(uri);
            if (test(d)) {
                done(d);
            }
        });
        const now = vscode.languages.getDiagnostics(uri);
        if (test(now)) {
            done(now);
        }
    });
}

const checks: Array<[string, () => Promise<void>]> = [
    [
        'the extension activates in a workspace that holds a KB',
        async () => {
            const extension = vscode.extensions.getExtension(EXTENSION_ID);
            assert.ok(extension, `${EXTENSION_ID} is loaded`);
            await extension.activate();
            assert.equal(extension.isActive, true);
        },
    ],
    [
        'every contributed command is registered',
        async () => {
            const registered = new Set(await vscode.commands.getCommands(true));
            for (const id of Object.values(CommandId)) {
                assert.ok(registered.has(id), id);
            }
        },
    ],
    [
        'opening a wiki page with a broken link shows an OpenKB diagnostic on that line',
        async () => {
            const page = vscode.Uri.file(path.join(kbFolder(), BROKEN_PAGE));
            await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(page));
            const onLink = (d: vscode.Diagnostic): boolean => d.source === 'openkb' && d.range.start.line === BROKEN_LINE;
            const diagnostics = await diagnosticsOf(page, (d) => d.some(onLink), 60_000);
            assert.ok(diagnostics.find(onLink)?.code !== undefined, 'the diagnostic carries the finding code');
        },
    ],
    [
        '"Lint Knowledge Base" puts the broken link of a page nobody opened into the Problems panel',
        async () => {
            const page = vscode.Uri.file(path.join(kbFolder(), UNOPENED_PAGE));
            await vscode.commands.executeCommand(CommandId.lint, vscode.Uri.file(kbFolder()));
            await diagnosticsOf(page, (d) => d.some((x) => x.source === 'openkb' && x.range.start.line === BROKEN_LINE), 60_000);
        },
    ],
];

export async function run(): Promise<void> {
    let failed = 0;
    for (const [name, check] of checks) {
        try {
            await check();
            console.log(`ok - ${name}`);
        } catch (error) {
            failed++;
            console.log(`not ok - ${name}\n  ${(error as Error).stack ?? error}`);
        }
    }
    console.log(`${checks.length - failed} passed, ${failed} failed`);
    if (failed > 0) {
        throw new Error(`${failed} integration check(s) failed`);
    }
}
