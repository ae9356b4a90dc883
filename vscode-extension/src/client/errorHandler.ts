import { CloseAction, CloseHandlerResult, ErrorAction, ErrorHandler, ErrorHandlerResult, Message } from 'vscode-languageclient/node';
import { RestartPolicy } from './restartPolicy';

/**
 * The language client's reaction to a broken connection: a write/read error is tolerated a few times;
 * a closed connection (the JVM exited, e.g. on OutOfMemoryError) restarts the server under
 * {@link RestartPolicy}, and after too many crashes stops with a message that points at the output.
 */
export class OpenKbErrorHandler implements ErrorHandler {
    constructor(
        private readonly policy: RestartPolicy,
        private readonly onGaveUp: () => void,
    ) {}

    error(_error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
        return { action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
    }

    closed(): CloseHandlerResult {
        if (this.policy.recordCrash()) {
            return { action: CloseAction.Restart };
        }
        this.onGaveUp();
        const minutes = this.policy.windowMs / 60_000;
        return {
            action: CloseAction.DoNotRestart,
            message:
                `The OpenKB server stopped ${this.policy.maxRestarts + 1} times in ${minutes} minutes and will not be ` +
                'restarted. See "OpenKB: Show Server Output", then run "Developer: Reload Window".',
        };
    }
}
