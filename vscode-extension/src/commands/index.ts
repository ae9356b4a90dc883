import * as vscode from 'vscode';
import { AddCommand } from './add';
import { CommandContext } from './context';
import { CommandId } from './ids';
import { initCommand } from './init';
import { lintCommand } from './lint';
import { recoverCommand } from './recover';
import { removeCommand } from './remove';
import { setApiKeyCommand } from './setApiKey';

/** Registers every command of package.json `contributes.commands` (a unit test checks both lists match). */
export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
    const add = new AddCommand(ctx);
    const handlers: Record<(typeof CommandId)[keyof typeof CommandId], (...args: unknown[]) => unknown> = {
        [CommandId.add]: (clicked, selection) => add.run(clicked, selection),
        [CommandId.addUrl]: (url) => add.runUrl(typeof url === 'string' ? url : undefined),
        [CommandId.recover]: () => recoverCommand(ctx),
        [CommandId.lint]: (target) => lintCommand(ctx, target),
        [CommandId.init]: (clicked) => initCommand(ctx, clicked),
        [CommandId.initHere]: (clicked) => initCommand(ctx, clicked),
        [CommandId.remove]: () => removeCommand(ctx),
        [CommandId.setApiKey]: () => setApiKeyCommand(ctx),
        [CommandId.showOutput]: () => ctx.output.show(),
    };
    return Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}
