import * as vscode from 'vscode';
import { AskPanels } from '../ask/askPanel';
import { MAX_QUESTION_CHARS } from '../ask/askConversation';
import { kbContaining } from '../kbLocator';
import { CommandContext } from './context';

/**
 * "OpenKB: Ask…": from the palette it asks for a question; from the editor's context menu the
 * selection is the question. The answer streams into the KB's Ask panel, where follow-ups are asked.
 * The KB is the one holding the active editor's file, else the workspace's (asked when several).
 */
export async function askCommand(ctx: CommandContext, panels: AskPanels): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
    const inKb = editor?.document.uri.scheme === 'file' ? kbContaining(ctx.kbs.kbRoots, editor.document.uri.fsPath) : undefined;
    const kb = inKb ?? (await ctx.kbs.pick([], 'ask'))?.fsPath;
    if (kb === undefined) {
        return;
    }
    let question: string | undefined = selected.length > 0 ? selected.slice(0, MAX_QUESTION_CHARS) : undefined;
    if (question === undefined) {
        question = await vscode.window.showInputBox({
            title: 'OpenKB: Ask',
            prompt: 'Ask the knowledge base a question',
            placeHolder: 'What does the KB say about …?',
            validateInput: (value) => (value.length > MAX_QUESTION_CHARS ? `At most ${MAX_QUESTION_CHARS} characters.` : undefined),
        });
        if (question === undefined) {
            return;
        }
    }
    // An empty question still opens the panel: the user types there.
    await panels.show(kb, question.trim().length > 0 ? question : undefined);
}
