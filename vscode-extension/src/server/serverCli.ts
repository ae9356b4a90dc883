/**
 * Runs one subcommand of the server jar as a child process (`java -jar openkb.jar trust --kb DIR`,
 * `init DIR --model M`): the CLI is independent of the language server's protocol, and approving an
 * endpoint or creating a KB with a model is exactly what the CLI does for a user in a terminal.
 * No `vscode` import.
 */
import { execFile } from 'node:child_process';
import { buildCliCommand } from './javaLauncher';

export interface CliOutcome {
    exitCode: number;
    stdout: string;
    stderr: string;
}

/** A subcommand that did not exit with 0; the message is what it printed on stderr (or stdout). */
export class CliError extends Error {
    constructor(
        readonly args: readonly string[],
        readonly outcome: CliOutcome,
    ) {
        super(firstLines(outcome.stderr) || firstLines(outcome.stdout) || `openkb ${args.join(' ')} exited with ${outcome.exitCode}`);
        this.name = 'CliError';
    }
}

function firstLines(text: string): string {
    return text.trim().split(/\r?\n/).slice(0, 3).join(' ');
}

export interface ServerCliOptions {
    javaPath: string;
    jar: string;
    env: NodeJS.ProcessEnv;
    /** Where this installation keeps its class-data-sharing archive, if anywhere. */
    cdsDir?: string;
    /** Working folder; the subcommands used here name their KB with an absolute path anyway. */
    cwd?: string;
    timeoutMs?: number;
}

/** Runs `openkb <args>` and resolves with its output; rejects with {@link CliError} on a non-zero exit. */
export function runServerCli(options: ServerCliOptions, args: readonly string[]): Promise<CliOutcome> {
    const { command, args: argv } = buildCliCommand(options.javaPath, options.jar, args, { cdsDir: options.cdsDir });
    return new Promise((resolve, reject) => {
        execFile(
            command,
            argv,
            { env: options.env, cwd: options.cwd, timeout: options.timeoutMs ?? 120_000, windowsHide: true, maxBuffer: 4 * 1024 * 1024 },
            (error, stdout, stderr) => {
                const exitCode = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
                const outcome = { exitCode, stdout: String(stdout), stderr: String(stderr) };
                if (exitCode === 0) {
                    resolve(outcome);
                } else if (error !== null && typeof error.code !== 'number' && outcome.stderr === '') {
                    reject(new CliError(args, { ...outcome, stderr: error.message }));
                } else {
                    reject(new CliError(args, outcome));
                }
            },
        );
    });
}
