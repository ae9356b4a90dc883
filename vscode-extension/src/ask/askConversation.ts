/**
 * The conversation behind one Ask panel: the questions asked of one KB, their streamed answers and
 * sources, and what the panel's buttons do. It speaks to the panel only through messages (below), and
 * to the editor only through `AskHost`, so it has no `vscode` import and unit tests drive it directly.
 *
 * Threading: everything runs on the extension host's event loop. State (`turns`, the running request's
 * cancellation source, the render timer) is owned by this object; one question runs at a time, and a
 * new question cancels the one still streaming.
 *
 * The server answers each question on its own (the query request has no history); "keeps the
 * conversation" means the panel shows every turn and a follow-up is asked from the same panel.
 */
import { CancellationToken, CancellationTokenSource } from 'vscode-jsonrpc';
import { QueryResult, QuerySource } from '../protocol';
import { AnswerRenderer } from './answerMarkdown';

/** What the conversation needs from the editor. */
export interface AskHost {
    /** `openkb/query` on this panel's KB; `onChunk` gets the answer's text as it streams. */
    query(question: string, save: boolean, onChunk: (text: string) => void, token: CancellationToken): Promise<QueryResult>;
    /** Posts a message to the panel's webview (dropped while the panel is hidden; `ready` replays). */
    post(message: ToPanel): void;
    /** Opens a cited page at the cited range. */
    openSource(source: QuerySource): Promise<void>;
    /** Opens a link clicked in an answer (an href relative to `wiki/`, or an http(s) URL). */
    openLink(href: string): Promise<void>;
    /** The user-readable text of a failed request. */
    errorText(error: unknown): string;
}

export type TurnStatus = 'streaming' | 'done' | 'failed' | 'cancelled';

/** A source as the panel lists it (the snippet is plain text; the panel sets it as text, never as HTML). */
export interface SourceView {
    page: string;
    title: string;
    doc?: string;
    snippet: string;
    score: number;
}


export interface TurnView {
    id: number;
    question: string;
    status: TurnStatus;
    /** The answer so far, rendered and sanitized (see answerMarkdown.ts). */
    html: string;
    mode?: string;
    sources: SourceView[];
    error?: string;
    /** The exploration page this answer was saved as, relative to the KB root. */
    saved?: string;
}

/** Messages to the webview. `turn` carries the whole state of one turn; the panel replaces it. */
export type ToPanel = { type: 'turn'; turn: TurnView } | { type: 'reset'; turns: TurnView[] } | { type: 'notice'; text: string };

/** Messages from the webview; checked field by field, since a page script could send anything. */
export type FromPanel =
    | { type: 'ready' }
    | { type: 'ask'; question: string }
    | { type: 'stop' }
    | { type: 'openSource'; turn: number; index: number }
    | { type: 'openLink'; href: string }
    | { type: 'save'; turn: number };

/** The longest question the panel sends; the server refuses far longer ones with its own message. */
export const MAX_QUESTION_CHARS = 10_000;

/** How often a streaming answer is re-rendered at most (it is re-rendered whole: Markdown is not local). */
const RENDER_INTERVAL_MS = 50;

interface Turn {
    id: number;
    question: string;
    status: TurnStatus;
    markdown: string;
    result?: QueryResult;
    error?: string;
    saved?: string;
    saving: boolean;
    /** Whether any streamed text has been shown yet. */
    streamShown: boolean;
}

export class AskConversation {
    private readonly turns: Turn[] = [];
    private nextId = 1;
    private running: { turn: Turn; source: CancellationTokenSource } | undefined;
    private renderTimer: ReturnType<typeof setTimeout> | undefined;

    constructor(
        private readonly host: AskHost,
        private readonly renderer: AnswerRenderer,
    ) {}

    /** Asks `question` (trimmed); resolves when its answer is complete, failed or cancelled. */
    async ask(question: string): Promise<void> {
        const text = question.trim();
        if (text.length === 0) {
            return;
        }
        if (text.length > MAX_QUESTION_CHARS) {
            this.host.post({ type: 'notice', text: `The question is ${text.length} characters long; ask in at most ${MAX_QUESTION_CHARS}.` });
            return;
        }
        this.stop();
        const turn: Turn = { id: this.nextId++, question: text, status: 'streaming', markdown: '', saving: false, streamShown: false };
        this.turns.push(turn);
        const source = new CancellationTokenSource();
        this.running = { turn, source };
        this.publish(turn);
        try {
            const result = await this.host.query(
                text,
                false,
                (chunk) => {
                    if (turn.status === 'streaming') {
                        turn.markdown += chunk;
                        this.scheduleRender(turn);
                    }
                },
                source.token,
            );
            if (turn.status === 'streaming') {
                turn.result = result;
                turn.markdown = result.answer;
                turn.status = 'done';
            }
        } catch (error) {
            if (turn.status === 'streaming') {
                turn.status = source.token.isCancellationRequested ? 'cancelled' : 'failed';
                turn.error = turn.status === 'failed' ? this.host.errorText(error) : undefined;
            }
        } finally {
            source.dispose();
            if (this.running?.turn === turn) {
                this.running = undefined;
            }
        }
        this.publish(turn);
    }

    /** Stops the answer that is streaming, if any; the turn keeps what had arrived. */
    stop(): void {
        const running = this.running;
        if (running === undefined) {
            return;
        }
        this.running = undefined;
        running.turn.status = 'cancelled';
        running.source.cancel();
        this.publish(running.turn);
    }

    /** Handles a message from the webview; malformed ones are ignored. */
    async receive(message: unknown): Promise<void> {
        const m = message as Record<string, unknown> | null;
        if (m === null || typeof m !== 'object') {
            return;
        }
        switch (m.type) {
            case 'ready':
                this.host.post({ type: 'reset', turns: this.turns.map((t) => this.view(t)) });
                return;
            case 'ask':
                if (typeof m.question === 'string') {
                    await this.ask(m.question);
                }
                return;
            case 'stop':
                this.stop();
                return;
            case 'openSource': {
                const source = this.turnOf(m.turn)?.result?.sources[typeof m.index === 'number' ? m.index : -1];
                if (source !== undefined) {
                    await this.host.openSource(source);
                }
                return;
            }
            case 'openLink':
                if (typeof m.href === 'string' && m.href.length > 0) {
                    await this.host.openLink(m.href);
                }
                return;
            case 'save': {
                const turn = this.turnOf(m.turn);
                if (turn !== undefined) {
                    await this.save(turn);
                }
                return;
            }
        }
    }

    /**
     * "Save as exploration": the server writes `wiki/explorations/<slug>.md` from the question (asked
     * again with `save`, since the page is the server's answer, under the KB lock, not the panel's copy).
     */
    private async save(turn: Turn): Promise<void> {
        if (turn.status !== 'done' || turn.saving || turn.saved !== undefined) {
            return;
        }
        turn.saving = true;
        const source = new CancellationTokenSource();
        try {
            const result = await this.host.query(turn.question, true, () => undefined, source.token);
            turn.saved = result.saved ?? `wiki/explorations/${explorationSlug(turn.question)}.md`;
            this.host.post({ type: 'notice', text: `Saved as ${turn.saved}` });
        } catch (error) {
            this.host.post({ type: 'notice', text: `OpenKB could not save the answer: ${this.host.errorText(error)}` });
        } finally {
            turn.saving = false;
            source.dispose();
        }
        this.publish(turn);
    }

    /** Cancels what is running; the panel is closing. */
    dispose(): void {
        this.stop();
        if (this.renderTimer !== undefined) {
            clearTimeout(this.renderTimer);
            this.renderTimer = undefined;
        }
    }

    private turnOf(id: unknown): Turn | undefined {
        return typeof id === 'number' ? this.turns.find((t) => t.id === id) : undefined;
    }

    /**
     * Shows the streamed text: the first piece at once (the user sees the answer start as soon as it
     * does), later pieces at most every RENDER_INTERVAL_MS.
     */
    private scheduleRender(turn: Turn): void {
        if (!turn.streamShown) {
            turn.streamShown = true;
            this.publish(turn);
            return;
        }
        if (this.renderTimer !== undefined) {
            return;
        }
        this.renderTimer = setTimeout(() => {
            this.renderTimer = undefined;
            if (turn.status === 'streaming') {
                this.publish(turn);
            }
        }, RENDER_INTERVAL_MS);
    }

    private publish(turn: Turn): void {
        this.host.post({ type: 'turn', turn: this.view(turn) });
    }

    private view(turn: Turn): TurnView {
        const result = turn.result;
        return {
            id: turn.id,
            question: turn.question,
            status: turn.status,
            html: this.renderer.render(turn.markdown),
            ...(result ? { mode: result.mode } : {}),
            sources: (result?.sources ?? []).map((s) => ({
                page: s.page,
                title: s.title,
                ...(typeof s.doc === 'string' ? { doc: s.doc } : {}),
                snippet: s.snippet,
                score: s.score,
            })),
            ...(turn.error !== undefined ? { error: turn.error } : {}),
            ...(turn.saved !== undefined ? { saved: turn.saved } : {}),
        };
    }
}

/**
 * The slug OpenKB names an exploration with: the question lowercased, every run of characters other
 * than a-z and 0-9 turned into `-`, trimmed of `-`, then cut to 60 characters (in that order, as OpenKB
 * does). Used when a server does not say which page it wrote.
 */
export function explorationSlug(question: string): string {
    return question
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60);
}
