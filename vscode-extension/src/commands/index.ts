import * as vscode from 'vscode';
import { AskPanels } from '../ask/askPanel';
import { AddCommand } from './add';
import { askCommand } from './ask';
import { CommandContext, errorText } from './context';
import { showGraphCommand } from './graph';
import { CommandId } from './ids';
import { initCommand } from './init';
import { lintCommand } from './lint';
import { recompileCommand } from './recompile';
import { recoverCommand } from './recover';
import { removeCommand } from './remove';
import { setApiKeyCommand } from './setApiKey';
import { showBacklinksCommand } from './showBacklinks';

/** Registers every command of package.json `contributes.commands` (a unit test checks both lists match). */
export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
    const add = new AddCommand(ctx);
    const askPanels = new AskPanels(ctx.extensionPath, () => ctx.server.api(), errorText);
    const handlers: Record<(typeof CommandId)[keyof typeof CommandId], (...args: unknown[]) => unknown> = {
        [CommandId.add]: (clicked, selection) => add.run(clicked, selection),
        [CommandId.addUrl]: (url) => add.runUrl(typeof url === 'string' ? url : undefined),
        [CommandId.recover]: () => recoverCommand(ctx),
        [CommandId.lint]: (target) => lintCommand(ctx, target),
        [CommandId.init]: (clicked) => initCommand(ctx, clicked),
        [CommandId.initHere]: (clicked) => initCommand(ctx, clicked),
        [CommandId.remove]: (clicked) => removeCommand(ctx, clicked),
        [CommandId.setApiKey]: () => setApiKeyCommand(ctx),
        [CommandId.showOutput]: () => ctx.output.show(),
        [CommandId.showGraph]: () => showGraphCommand(ctx),
        [CommandId.recompileDocument]: (clicked) => recompileCommand(ctx, clicked),
        [CommandId.showBacklinks]: (uri, position, locations) => showBacklinksCommand(uri, position, locations),
        [CommandId.ask]: () => askCommand(ctx, askPanels),
    };
    return [askPanels, ...Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, handler))];
}
