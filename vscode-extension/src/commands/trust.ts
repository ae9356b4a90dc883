import * as vscode from 'vscode';
import { approvalQuestion, EndpointRefusal } from '../client/endpointApproval';
import { CommandContext, errorText } from './context';

/**
 * The server refused to send the API key to a KB's endpoint. In a trusted workspace: asks in a modal,
 * and on "Allow" records the approval with the jar's `trust --kb DIR` (what a user would run in a
 * terminal). In Restricted Mode: says that no LLM calls are made and offers Workspace Trust instead.
 * True when the endpoint is approved now and the refused work may be retried.
 */
export async function approveEndpoint(ctx: CommandContext, refusal: EndpointRefusal, kb: vscode.Uri): Promise<boolean> {
    const kbDir = kb.fsPath;
    if (!ctx.isTrusted()) {
        const manage = 'Manage Workspace Trust';
        const choice = await vscode.window.showWarningMessage(
            'OpenKB makes no LLM calls in Restricted Mode.',
            { modal: true, detail: `Trust this workspace first; OpenKB will then ask before it sends your API key to ${refusal.endpoint ?? 'the endpoint of this knowledge base'}.` },
            manage,
        );
        if (choice === manage) {
            await vscode.commands.executeCommand('workbench.trust.manage');
        }
        return false;
    }
    const allow = 'Allow';
    const choice = await vscode.window.showWarningMessage(
        approvalQuestion(refusal),
        {
            modal: true,
            detail:
                `Knowledge base: ${kbDir}\nThe endpoint comes from the knowledge base's .openkb/config.yaml, which may come from someone else. ` +
                `Allowing records the approval outside the knowledge base (openkb trust --kb ${kbDir}); a changed endpoint asks again.`,
        },
        allow,
    );
    if (choice !== allow) {
        return false;
    }
    try {
        const outcome = await ctx.server.cli(['trust', '--kb', kbDir]);
        if (outcome === undefined) {
            return false;
        }
        ctx.output.appendLine(outcome.stdout.trim() || `trust: approved the endpoint of ${kbDir}`);
        return true;
    } catch (error) {
        void vscode.window.showErrorMessage(`OpenKB could not approve the endpoint of ${kbDir}: ${errorText(error)}`);
        return false;
    }
}
