import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { OpenKbApi } from '../client/openKbApi';
import { QueryResult, QuerySource } from '../protocol';
import { AnswerRenderer } from './answerMarkdown';
import { AskConversation, AskHost, ToPanel } from './askConversation';
import { askHtml } from './askHtml';
import { jsonPageLine, linkTarget, pageFile } from './askPages';

/** The webview type of the Ask panel (also what the real-editor suite looks for). */
export const ASK_VIEW_TYPE = 'openkb.ask';

/**
 * The Ask panels of this window, one per KB (asking again about the same KB brings its panel back
 * with its conversation). Owned by the extension host's event loop; `panels` changes only there.
 */
export class AskPanels implements vscode.Disposable {
    private readonly panels = new Map<string, AskPanel>();

    constructor(
        private readonly extensionPath: string,
        private readonly api: () => Promise<OpenKbApi | undefined>,
        private readonly errorText: (error: unknown) => string,
    ) {}

    /** Shows the panel of the KB at `kbRoot` and asks `question`, when given. */
    async show(kbRoot: string, question?: string): Promise<void> {
        let panel = this.panels.get(kbRoot);
        if (panel === undefined) {
            panel = new AskPanel(kbRoot, this.extensionPath, this.api, this.errorText, () => this.panels.delete(kbRoot));
            this.panels.set(kbRoot, panel);
        } else {
            panel.reveal();
        }
        if (question !== undefined) {
            await panel.ask(question);
        }
    }

    dispose(): void {
        for (const panel of [...this.panels.values()]) {
            panel.dispose();
        }
        this.panels.clear();
    }
}

/** One webview panel and its conversation. */
class AskPanel implements AskHost {
    private readonly panel: vscode.WebviewPanel;
    private readonly conversation: AskConversation;
    private readonly wikiRoot: string;
    private disposed = false;

    constructor(
        private readonly kbRoot: string,
        extensionPath: string,
        private readonly api: () => Promise<OpenKbApi | undefined>,
        readonly errorText: (error: unknown) => string,
        onDispose: () => void,
    ) {
        this.wikiRoot = path.join(kbRoot, 'wiki');
        const media = vscode.Uri.file(path.join(extensionPath, 'media'));
        this.panel = vscode.window.createWebviewPanel(
            ASK_VIEW_TYPE,
            `Ask ${path.basename(kbRoot)}`,
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
            // Scripts for media/ask.js only (the CSP pins it by nonce); resources only from media/.
            { enableScripts: true, localResourceRoots: [media], enableFindWidget: true },
        );
        const webview = this.panel.webview;
        webview.html = askHtml({
            cspSource: webview.cspSource,
            scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'ask.js')).toString(),
            styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'ask.css')).toString(),
            kbName: path.basename(kbRoot),
        });
        this.conversation = new AskConversation(this, new AnswerRenderer(this.wikiRoot));
        webview.onDidReceiveMessage((message) => void this.conversation.receive(message));
        this.panel.onDidDispose(() => {
            this.disposed = true;
            this.conversation.dispose();
            onDispose();
        });
    }

    reveal(): void {
        this.panel.reveal(undefined, false);
    }

    ask(question: string): Promise<void> {
        return this.conversation.ask(question);
    }

    async query(question: string, save: boolean, onChunk: (text: string) => void, token: vscode.CancellationToken): Promise<QueryResult> {
        const api = await this.api();
        if (api === undefined) {
            throw new Error('the OpenKB server is not running (see "OpenKB: Show Server Output")');
        }
        return api.query({ question, kb: vscode.Uri.file(this.kbRoot).toString(), ...(save ? { save } : {}) }, onChunk, token);
    }

    post(message: ToPanel): void {
        if (!this.disposed) {
            void this.panel.webview.postMessage(message);
        }
    }

    async openSource(source: QuerySource): Promise<void> {
        const file = pageFile(this.wikiRoot, source.page);
        if (file === undefined) {
            void vscode.window.showWarningMessage(`OpenKB: the KB has no page ${source.page} (it may have been removed since the answer).`);
            return;
        }
        const range = source.range;
        let selection: vscode.Range | undefined;
        if (range && range.pdfPage > 0 && file.endsWith('.json')) {
            const line = jsonPageLine(fs.readFileSync(file, 'utf8'), range.pdfPage);
            selection = new vscode.Range(line, 0, line, 0);
        } else if (range && range.endLine > range.startLine) {
            // Whole lines: startLine up to (not including) endLine.
            selection = new vscode.Range(range.startLine, 0, range.endLine, 0);
        }
        await vscode.window.showTextDocument(vscode.Uri.file(file), { viewColumn: this.pageColumn(), selection, preview: false });
    }

    async openLink(href: string): Promise<void> {
        const target = linkTarget(this.wikiRoot, href);
        if (target.kind === 'page') {
            await vscode.window.showTextDocument(vscode.Uri.file(target.file), { viewColumn: this.pageColumn(), preview: false });
        } else if (target.kind === 'external') {
            await vscode.env.openExternal(vscode.Uri.parse(target.url));
        } else {
            void vscode.window.showWarningMessage(`OpenKB: ${target.reason}.`);
        }
    }

    /**
     * Where a page opens: a column other than the panel's, so the answer stays in view beside the page
     * (in the panel's own column the page would cover it).
     */
    private pageColumn(): vscode.ViewColumn {
        return this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    }

    dispose(): void {
        this.panel.dispose();
    }
}
