import * as vscode from 'vscode';
import { OpenKbApi } from '../client/openKbApi';
import { CliOutcome } from '../server/serverCli';
import { KbWorkspace } from '../kbWorkspace';
import { OpenKbSettings } from '../settings';
import { KbStatusBar } from '../statusBar';

/**
 * What every command needs: the server (its protocol, and its jar's CLI), the workspace's KBs, the status
 * bar, the output, settings, the secret storage and the workspace's trust.
 */
export interface CommandContext {
    server: { api(): Promise<OpenKbApi | undefined>; cli(args: readonly string[]): Promise<CliOutcome | undefined> };
    kbs: KbWorkspace;
    status: KbStatusBar;
    output: vscode.LogOutputChannel;
    settings(): OpenKbSettings;
    secrets: vscode.SecretStorage;
    /** VS Code's Workspace Trust; false in Restricted Mode. */
    isTrusted(): boolean;
    /** The extension's folder (its media/ holds the Ask panel's script and style). */
    extensionPath: string;
}

/** The message of a failed request, for "OpenKB could not ...: <message>". */
export function errorText(error: unknown): string {
    const text = error instanceof Error ? error.message : String(error);
    // vscode-jsonrpc rejects the requests in flight when the server process dies; its words
    // ("Pending response rejected since connection got disposed") mean nothing to a user.
    if (/connection got disposed|Connection is disposed|connection (?:is )?closed/i.test(text)) {
        return 'the OpenKB server stopped before it answered. It restarts on its own, and rolls back a change it was in the middle of.';
    }
    return text;
}

/**
 * The target a command acts on (`given`, else the KB the user means, asked when ambiguous) and the
 * running server; undefined when either is missing (the user has been told why).
 */
export async function targetAndServer(
    ctx: CommandContext,
    purpose: string,
    given?: vscode.Uri,
): Promise<{ target: vscode.Uri; api: OpenKbApi } | undefined> {
    const target = given ?? (await ctx.kbs.pick([], purpose));
    const api = target && (await ctx.server.api());
    return target && api ? { target, api } : undefined;
}

/** Refreshes "recovery needed" in the status bar after a command changed the KB. */
export async function refreshPending(ctx: CommandContext, api: OpenKbApi): Promise<void> {
    await ctx.status.refreshPending(api, ctx.kbs.kbRoots.map((root) => vscode.Uri.file(root).toString()));
}

/**
 * Writes `details` to the output channel and shows `text`, as a warning when `warn`; when there are
 * details, the message has a `button` that brings the output channel up. Does not wait for the user:
 * a notification can stay open for as long as they like, and the command is over.
 */
export function reportWithDetails(
    ctx: CommandContext,
    text: string,
    details: readonly string[],
    options: { warn: boolean; button: string },
): void {
    for (const line of details) {
        ctx.output.appendLine(line);
    }
    const buttons = details.length > 0 ? [options.button] : [];
    const shown = options.warn ? vscode.window.showWarningMessage(text, ...buttons) : vscode.window.showInformationMessage(text, ...buttons);
    void Promise.resolve(shown).then((choice) => {
        if (choice !== undefined) {
            ctx.output.show(true);
        }
    });
}
