/**
 * A stand-in for the `vscode` module, enough for the extension's code paths: it records what the
 * extension registers and shows, and lets a test answer dialogs. The exported `vscode` object is stable
 * (modules capture it once at require time); `reset()` gives each test a clean state.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-jsonrpc';

export class Disposable {
    constructor(private readonly onDispose: () => void = () => undefined) {}
    dispose(): void {
        this.onDispose();
    }
}

export class EventEmitter<T> {
    private listeners: Array<(e: T) => void> = [];
    readonly event = (listener: (e: T) => void): Disposable => {
        this.listeners.push(listener);
        return new Disposable(() => {
            this.listeners = this.listeners.filter((l) => l !== listener);
        });
    };
    fire(e: T): void {
        for (const l of [...this.listeners]) {
            l(e);
        }
    }
    dispose(): void {
        this.listeners = [];
    }
}

export class Uri {
    private constructor(
        readonly scheme: string,
        readonly path: string,
    ) {}
    static file(p: string): Uri {
        return new Uri('file', path.resolve(p));
    }
    static joinPath(base: Uri, ...segments: string[]): Uri {
        return new Uri(base.scheme, path.posix.join(base.path, ...segments));
    }
    static parse(s: string): Uri {
        const u = new URL(s);
        return new Uri(u.protocol.replace(/:$/, ''), decodeURIComponent(u.pathname));
    }
    get fsPath(): string {
        return this.path;
    }
    toString(): string {
        return this.scheme === 'file' ? pathToFileURL(this.path).href : `${this.scheme}:${this.path}`;
    }
}

export const ViewColumn = { Active: -1, Beside: -2, One: 1, Two: 2 } as const;

export class Position {
    constructor(
        readonly line: number,
        readonly character: number,
    ) {}
}

export class Range {
    readonly start: Position;
    readonly end: Position;
    /** As VS Code's: {@code new Range(start, end)} or {@code new Range(startLine, startCharacter, endLine, endCharacter)}. */
    constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
        this.start = typeof a === 'number' ? new Position(a, b as number) : a;
        this.end = typeof a === 'number' ? new Position(c as number, d as number) : (b as Position);
    }
    get isEmpty(): boolean {
        return this.start.line === this.end.line && this.start.character === this.end.character;
    }
}

export const TreeItemCollapsibleState = { None: 0, Collapsed: 1, Expanded: 2 } as const;

export class TreeItem {
    description?: string;
    tooltip?: string;
    contextValue?: string;
    command?: { command: string; title: string; arguments?: unknown[] };
    constructor(
        readonly label: string,
        readonly collapsibleState: number = TreeItemCollapsibleState.None,
    ) {}
}

export class Location {
    constructor(
        readonly uri: Uri,
        readonly range: Range,
    ) {}
}

/** A webview panel: records its HTML and what the extension posts; `receive` plays the page's script. */
export class MockWebviewPanel {
    readonly posted: any[] = [];
    readonly messages = new EventEmitter<unknown>();
    readonly disposed = new EventEmitter<void>();
    revealed = 0;
    /** The column VS Code put the panel in (the first, when no editor was open). */
    viewColumn: number | undefined = 1;
    readonly webview = {
        html: '',
        cspSource: 'https://webview.test',
        asWebviewUri: (uri: Uri) => ({ toString: () => `https://webview.test${uri.path}` }),
        postMessage: async (message: unknown) => {
            this.posted.push(message);
            return true;
        },
        onDidReceiveMessage: (listener: (m: unknown) => void) => this.messages.event(listener),
    };
    constructor(
        readonly viewType: string,
        readonly title: string,
        readonly options: Record<string, unknown>,
    ) {}
    /** What the page's script would send (e.g. `{type: 'ready'}`, a click on a source). */
    receive(message: unknown): void {
        this.messages.fire(message);
    }
    reveal(): void {
        this.revealed++;
    }
    onDidDispose(listener: () => void): Disposable {
        return this.disposed.event(listener);
    }
    dispose(): void {
        this.disposed.fire();
    }
}

/** An editor showing `fsPath` with `selected` selected (empty: no selection). */
export function textEditor(fsPath: string, selected: string): unknown {
    return {
        document: { uri: Uri.file(fsPath), getText: () => selected },
        selection: { isEmpty: selected.length === 0 },
    };
}

export const ProgressLocation = { SourceControl: 1, Window: 10, Notification: 15 } as const;
export const StatusBarAlignment = { Left: 1, Right: 2 } as const;
export const FileType = { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 } as const;

export interface ShownMessage {
    kind: 'info' | 'warning' | 'error';
    message: string;
    items: string[];
    options?: { modal?: boolean; detail?: string };
}

export interface ProgressRun {
    options: { title?: string; cancellable?: boolean; location: number };
    reports: Array<{ message?: string; increment?: number }>;
    cancel(): void;
}

export class MockOutputChannel {
    readonly lines: string[] = [];
    shown = false;
    readonly logLevel = 2;
    readonly onDidChangeLogLevel = new EventEmitter<number>().event;
    constructor(readonly name: string) {}
    appendLine(line: string): void {
        this.lines.push(line);
    }
    append(text: string): void {
        this.lines.push(text);
    }
    /** Every line written at a level (info, warn, error, debug, trace), in order. */
    readonly entries: Array<{ level: string; text: string }> = [];
    info(text: string): void {
        this.lines.push(text);
        this.entries.push({ level: 'info', text });
    }
    warn(text: string): void {
        this.lines.push(text);
        this.entries.push({ level: 'warn', text });
    }
    error(text: string | Error): void {
        this.lines.push(String(text));
        this.entries.push({ level: 'error', text: String(text) });
    }
    debug(text: string): void {
        this.entries.push({ level: 'debug', text });
    }
    trace(text: string): void {
        this.entries.push({ level: 'trace', text });
    }
    show(): void {
        this.shown = true;
    }
    hide(): void {}
    clear(): void {}
    replace(): void {}
    dispose(): void {}
}

export class MockStatusBarItem {
    text = '';
    tooltip = '';
    command: string | undefined;
    name = '';
    visible = false;
    show(): void {
        this.visible = true;
    }
    hide(): void {
        this.visible = false;
    }
    dispose(): void {}
}

/** Fires a configuration change of the given settings (e.g. "openkb.java.home"). */
export function changeSettings(values: Record<string, unknown>): void {
    Object.assign(state.settings, values);
    const changed = Object.keys(values);
    state.configurationChanged.fire({
        affectsConfiguration: (section) => changed.some((key) => key === section || key.startsWith(`${section}.`)),
    });
}

/** Everything a test inspects or steers; replaced wholesale by `reset()`. */
export class MockState {
    readonly commands = new Map<string, (...args: unknown[]) => unknown>();
    readonly executed: Array<{ id: string; args: unknown[] }> = [];
    /** Tree data providers by view id. */
    readonly treeViews = new Map<string, unknown>();
    readonly context = new Map<string, unknown>();
    readonly messages: ShownMessage[] = [];
    readonly progressRuns: ProgressRun[] = [];
    readonly outputs: MockOutputChannel[] = [];
    readonly statusItems: MockStatusBarItem[] = [];
    readonly quickPicks: unknown[][] = [];
    settings: Record<string, unknown> = {};
    workspaceFolders: Array<{ uri: Uri; name: string; index: number }> = [];
    diagnostics: Array<[Uri, Array<{ source?: string; message: string }>]> = [];
    readonly diagnosticsChanged = new EventEmitter<unknown>();
    readonly configurationChanged = new EventEmitter<{ affectsConfiguration(section: string): boolean }>();
    /** Answers a message box: the chosen item, undefined for "dismissed", or a promise (e.g. one that never settles: left open). */
    answerMessage: (m: ShownMessage) => string | undefined | Promise<string | undefined> = () => undefined;
    /** Answers a quick pick with one of the items (default: dismissed). */
    answerQuickPick: (items: any[]) => unknown = () => undefined;
    answerOpenDialog: () => Uri[] | undefined = () => undefined;
    /** Answers an input box (default: dismissed); records what it was asked. */
    answerInputBox: (options: Record<string, unknown>) => string | undefined = () => undefined;
    readonly inputBoxes: Array<Record<string, unknown>> = [];
    /** VS Code's Workspace Trust; false is Restricted Mode. */
    trusted = true;
    readonly trustGranted = new EventEmitter<void>();
    /** The active text editor (see `textEditor`). */
    activeTextEditor: unknown = undefined;
    readonly panels: MockWebviewPanel[] = [];
    readonly shownDocuments: Array<{ uri: Uri; options: any }> = [];
    readonly openedExternal: Uri[] = [];
    /** Called on every `progress.report`, e.g. to cancel after the first file. */
    onProgressReport: (run: ProgressRun) => void = () => undefined;
}

export let state = new MockState();

export function reset(): MockState {
    state = new MockState();
    return state;
}

function message(kind: ShownMessage['kind']) {
    return async (text: string, ...rest: unknown[]): Promise<string | undefined> => {
        const options = rest.length > 0 && typeof rest[0] === 'object' ? (rest.shift() as ShownMessage['options']) : undefined;
        const shown: ShownMessage = { kind, message: text, items: rest as string[], options };
        state.messages.push(shown);
        return state.answerMessage(shown);
    };
}

/** Real recursive search for `**\/<suffix>` globs below the workspace folders. */
function findFiles(glob: string): Uri[] {
    const suffix = glob.replace(/^\*\*\//, '');
    const found: Uri[] = [];
    const walk = (dir: string): void => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory() && entry.name !== 'node_modules') {
                walk(full);
            } else if (full.split(path.sep).join('/').endsWith(`/${suffix}`)) {
                found.push(Uri.file(full));
            }
        }
    };
    state.workspaceFolders.forEach((f) => walk(f.uri.fsPath));
    return found;
}

/** As VS Code's: what a provider throws when its request was cancelled. */
export class CancellationError extends Error {
    constructor() {
        super('Canceled');
        this.name = 'Canceled';
    }
}

/** As VS Code's, as far as the extension uses it: edits by document. */
export class WorkspaceEdit {
    private readonly edits = new Map<string, [Uri, unknown[]]>();

    entries(): Array<[Uri, unknown[]]> {
        return [...this.edits.values()];
    }

    get size(): number {
        return this.edits.size;
    }
}

function noEvent(): Disposable {
    return new Disposable();
}

export const vscode = {
    /** The editor's version (vscode-languageclient checks it). */
    version: '1.96.4',
    Uri,
    Position,
    Range,
    Location,
    CancellationError,
    WorkspaceEdit,
    TreeItem,
    TreeItemCollapsibleState,
    Disposable,
    EventEmitter,
    ViewColumn,
    ProgressLocation,
    StatusBarAlignment,
    FileType,
    commands: {
        registerCommand(id: string, handler: (...args: unknown[]) => unknown): Disposable {
            if (state.commands.has(id)) {
                throw new Error(`command '${id}' already exists`);
            }
            state.commands.set(id, handler);
            return new Disposable(() => state.commands.delete(id));
        },
        async executeCommand(id: string, ...args: unknown[]): Promise<unknown> {
            state.executed.push({ id, args });
            if (id === 'setContext') {
                state.context.set(args[0] as string, args[1]);
                return undefined;
            }
            return state.commands.get(id)?.(...args);
        },
    },
    window: {
        registerTreeDataProvider(id: string, provider: unknown): Disposable {
            state.treeViews.set(id, provider);
            return new Disposable(() => state.treeViews.delete(id));
        },
        onDidChangeActiveTextEditor: noEvent,
        get activeTextEditor() {
            return state.activeTextEditor;
        },
        createWebviewPanel(viewType: string, title: string, _show: unknown, options: Record<string, unknown>): MockWebviewPanel {
            const panel = new MockWebviewPanel(viewType, title, options);
            state.panels.push(panel);
            return panel;
        },
        async showTextDocument(uri: Uri, options: unknown): Promise<unknown> {
            state.shownDocuments.push({ uri, options });
            return {};
        },
        createOutputChannel(name: string): MockOutputChannel {
            const channel = new MockOutputChannel(name);
            state.outputs.push(channel);
            return channel;
        },
        createStatusBarItem(): MockStatusBarItem {
            const item = new MockStatusBarItem();
            state.statusItems.push(item);
            return item;
        },
        showInformationMessage: message('info'),
        showWarningMessage: message('warning'),
        showErrorMessage: message('error'),
        async showQuickPick(items: unknown[]): Promise<unknown> {
            state.quickPicks.push(items);
            return state.answerQuickPick(items);
        },
        async showOpenDialog(): Promise<Uri[] | undefined> {
            return state.answerOpenDialog();
        },
        async showInputBox(options: Record<string, unknown>): Promise<string | undefined> {
            state.inputBoxes.push(options);
            return state.answerInputBox(options);
        },
        async showWorkspaceFolderPick(): Promise<unknown> {
            return state.answerQuickPick(state.workspaceFolders);
        },
        async withProgress<R>(
            options: ProgressRun['options'],
            task: (progress: { report(v: { message?: string; increment?: number }): void }, token: unknown) => Promise<R>,
        ): Promise<R> {
            const source = new CancellationTokenSource();
            const run: ProgressRun = { options, reports: [], cancel: () => source.cancel() };
            state.progressRuns.push(run);
            const progress = {
                report(value: { message?: string; increment?: number }): void {
                    run.reports.push(value);
                    state.onProgressReport(run);
                },
            };
            return task(progress, source.token);
        },
    },
    workspace: {
        get workspaceFolders() {
            return state.workspaceFolders;
        },
        get isTrusted() {
            return state.trusted;
        },
        onDidGrantWorkspaceTrust: (listener: () => void) => state.trustGranted.event(listener),
        getWorkspaceFolder(uri: Uri) {
            return state.workspaceFolders.find((f) => uri.fsPath === f.uri.fsPath || uri.fsPath.startsWith(f.uri.fsPath + path.sep));
        },
        getConfiguration(section: string) {
            return { get: (key: string, fallback?: unknown) => state.settings[`${section}.${key}`] ?? fallback };
        },
        async findFiles(glob: string): Promise<Uri[]> {
            return findFiles(glob);
        },
        createFileSystemWatcher() {
            return { onDidCreate: noEvent, onDidChange: noEvent, onDidDelete: noEvent, dispose: () => undefined };
        },
        onDidChangeConfiguration: (listener: (e: { affectsConfiguration(section: string): boolean }) => void) =>
            state.configurationChanged.event(listener),
        onDidChangeWorkspaceFolders: noEvent,
        onDidSaveTextDocument: noEvent,
        fs: {
            async stat(uri: Uri): Promise<{ type: number }> {
                const s = await fs.promises.stat(uri.fsPath);
                return { type: s.isDirectory() ? FileType.Directory : FileType.File };
            },
        },
    },
    languages: {
        getDiagnostics() {
            return state.diagnostics;
        },
        onDidChangeDiagnostics: (listener: (e: unknown) => void) => state.diagnosticsChanged.event(listener),
    },
    env: {
        async openExternal(uri: Uri): Promise<boolean> {
            state.openedExternal.push(uri);
            return true;
        },
    },
};

/** VS Code's SecretStorage: a map, and the change event the extension restarts the server on. */
export class MockSecretStorage {
    readonly values = new Map<string, string>();
    private readonly changed = new EventEmitter<{ key: string }>();
    readonly onDidChange = this.changed.event;
    async get(key: string): Promise<string | undefined> {
        return this.values.get(key);
    }
    async store(key: string, value: string): Promise<void> {
        this.values.set(key, value);
        this.changed.fire({ key });
    }
    async delete(key: string): Promise<void> {
        this.values.delete(key);
        this.changed.fire({ key });
    }
}
