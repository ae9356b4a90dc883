import * as vscode from 'vscode';
import { CommandContext } from './context';
import { API_KEY_SECRET } from './ids';

/**
 * "OpenKB: Set API Key": the key goes to VS Code's SecretStorage, never to settings.json or the KB. The
 * server gets it as LLM_API_KEY in its environment; a change of the secret restarts the server (see
 * extension.ts), so the next add uses the new key. An empty entry removes the stored key.
 */
export async function setApiKeyCommand(ctx: CommandContext): Promise<void> {
    const key = await vscode.window.showInputBox({
        title: 'OpenKB: Set API Key',
        prompt: "The API key of your LLM provider, passed to the OpenKB server as LLM_API_KEY. Kept in VS Code's secret storage. Leave empty to remove the stored key.",
        placeHolder: 'sk-…',
        password: true,
        ignoreFocusOut: true,
    });
    if (key === undefined) {
        return;
    }
    const trimmed = key.trim();
    if (trimmed.length === 0) {
        await ctx.secrets.delete(API_KEY_SECRET);
        ctx.output.appendLine('API key removed from the secret storage.');
        void vscode.window.showInformationMessage('OpenKB: the stored API key was removed.');
        return;
    }
    await ctx.secrets.store(API_KEY_SECRET, trimmed);
    ctx.output.appendLine('API key stored in the secret storage.');
    const note = ctx.isTrusted() ? '' : ' It is not used while this workspace is in Restricted Mode.';
    void vscode.window.showInformationMessage(`OpenKB: API key stored in VS Code's secret storage.${note}`);
}
