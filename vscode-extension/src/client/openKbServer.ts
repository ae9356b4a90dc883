import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { trainArchive } from '../server/cdsArchive';
import {
    buildServerCommand,
    bundledRuntimeDir,
    findJava,
    locateServerJar,
    SERVER_DEBUG_PORT,
    ServerLaunchError,
    serverEnvironment,
} from '../server/javaLauncher';
import { CliOutcome, runServerCli } from '../server/serverCli';
import { OpenKbSettings, SettingKey, CONFIG_SECTION } from '../settings';
import { KbStatusBar } from '../statusBar';
import { OpenKbErrorHandler } from './errorHandler';
import { createLanguageClient } from './languageClient';
import { OpenKbApi } from './openKbApi';
import { RestartPolicy } from './restartPolicy';

interface Running {
    client: LanguageClient;
    api: OpenKbApi;
    /** The Java, jar and environment the server runs with; CLI subcommands run with the same. */
    javaPath: string;
    jar: string;
    env: NodeJS.ProcessEnv;
}

/** What the server's process depends on besides the settings: the stored API key and Workspace Trust. */
export interface ServerEnvironmentSource {
    /** The API key from VS Code's secret storage, if one is stored. */
    apiKey(): Promise<string | undefined>;
    /** VS Code's Workspace Trust: false in Restricted Mode. */
    isTrusted(): boolean;
    /** Where this installation keeps its class-data-sharing archive (VS Code's global storage); none when undefined. */
    cdsDir?: string;
}

/**
 * Owns the one language client: starts it on first use (finding Java and the jar first), restarts it
 * when the launch settings, the API key or the workspace's trust change, stops it on deactivation.
 * Confined to the extension host thread; `starting` is the single in-flight or finished start, shared
 * by concurrent callers.
 */
export class OpenKbServer implements vscode.Disposable {
    private starting: Promise<Running | undefined> | undefined;

    constructor(
        private readonly extensionPath: string,
        private readonly output: vscode.LogOutputChannel,
        private readonly status: KbStatusBar,
        private readonly settings: () => OpenKbSettings,
        private readonly environment: ServerEnvironmentSource,
    ) {}

    /**
     * Runs `openkb <args>` with the server's Java, jar and environment (starting the server first if it
     * is not running, which also finds them); undefined when the server cannot run (the user was told).
     */
    async cli(args: readonly string[]): Promise<CliOutcome | undefined> {
        this.starting ??= this.start();
        const running = await this.starting;
        if (running === undefined) {
            return undefined;
        }
        this.output.appendLine(`Running: openkb ${args.join(' ')}`);
        return runServerCli({ javaPath: running.javaPath, jar: running.jar, env: running.env, cdsDir: this.environment.cdsDir }, args);
    }

    /** The API of the running server, starting it if needed; undefined (after telling the user) when it cannot run. */
    async api(): Promise<OpenKbApi | undefined> {
        this.starting ??= this.start();
        return (await this.starting)?.api;
    }

    private async start(): Promise<Running | undefined> {
        const settings = this.settings();
        try {
            const java = await findJava({
                javaHome: settings.javaHome,
                bundledRuntime: bundledRuntimeDir(this.extensionPath),
                env: process.env,
            });
            const jar = locateServerJar(settings.serverJar, this.extensionPath);
            const cdsDir = this.environment.cdsDir;
            const trusted = this.environment.isTrusted();
            const env = serverEnvironment(process.env, trusted ? await this.environment.apiKey() : undefined, trusted);
            this.output.appendLine(
                `Starting the OpenKB server: Java ${java.major} from ${java.source} (${java.javaPath}), ${jar}` +
                    (trusted ? '' : '; Restricted Mode: no LLM calls, no automatic recovery'),
            );
            const onGaveUp = (): void => this.status.update({ serverDown: true });
            const client = createLanguageClient(
                {
                    run: buildServerCommand(java.javaPath, jar, { cdsDir }),
                    debug: buildServerCommand(java.javaPath, jar, { debugPort: SERVER_DEBUG_PORT, cdsDir }),
                    env,
                    workspaceTrusted: trusted,
                },
                settings,
                this.output,
                new OpenKbErrorHandler(new RestartPolicy(), onGaveUp),
            );
            await client.start();
            this.status.update({ serverDown: false });
            if (cdsDir !== undefined) {
                // The next start maps the classes this one loaded; in the background, at low priority.
                void trainArchive(java.javaPath, jar, cdsDir).then((outcome) => {
                    if (outcome === 'made') {
                        this.output.appendLine('Made a class-data-sharing archive for this server: the next start is faster.');
                    }
                });
            }
            return { client, api: new OpenKbApi(client), javaPath: java.javaPath, jar, env };
        } catch (error) {
            this.starting = undefined; // the next command tries again, e.g. after the settings were fixed
            this.status.update({ serverDown: true });
            this.reportStartFailure(error);
            return undefined;
        }
    }

    private reportStartFailure(error: unknown): void {
        const launch = error instanceof ServerLaunchError;
        const text = launch ? `${error.message} ${error.fix}` : `The OpenKB server failed to start: ${(error as Error).message}`;
        this.output.appendLine(text);
        const actions = launch ? ['Open Settings', 'Show Output'] : ['Show Output'];
        void vscode.window.showErrorMessage(text, ...actions).then((choice) => {
            if (choice === 'Open Settings') {
                void vscode.commands.executeCommand('workbench.action.openSettings', `${CONFIG_SECTION}.${SettingKey.javaHome}`);
            } else if (choice === 'Show Output') {
                this.output.show(true);
            }
        });
    }

    /** True when a change of these settings needs a new server process. */
    static needsRestart(event: vscode.ConfigurationChangeEvent): boolean {
        return [SettingKey.javaHome, SettingKey.serverJar, SettingKey.logLevel, SettingKey.watch].some((key) =>
            event.affectsConfiguration(`${CONFIG_SECTION}.${key}`),
        );
    }

    /** Restarts a running server (a stopped one starts on the next command anyway). */
    async restart(): Promise<void> {
        const wasRunning = this.starting !== undefined;
        await this.stop();
        if (wasRunning) {
            await this.api();
        }
    }

    /** Stops the server, waiting for a start in flight so that its process is not left behind. */
    async stop(): Promise<void> {
        const starting = this.starting;
        this.starting = undefined;
        const running = await starting;
        await running?.client.stop();
    }

    dispose(): void {
        void this.stop();
    }
}
