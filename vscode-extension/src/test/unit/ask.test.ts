import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, beforeEach, describe, test } from 'node:test';
import { CancellationToken } from 'vscode-jsonrpc';
import { AnswerRenderer } from '../../ask/answerMarkdown';
import { AskConversation, AskHost, explorationSlug, ToPanel, TurnView } from '../../ask/askConversation';
import { askHtml, contentSecurityPolicy } from '../../ask/askHtml';
import { jsonPageLine, linkTarget, pageFile } from '../../ask/askPages';
import { OpenKbApi } from '../../client/openKbApi';
import { QueryResult, QuerySource } from '../../protocol';
import { FakeServer, RpcError } from '../support/fakeServer';
import { eventually, makeKb, tempDir } from '../support/harness';

/** A KB with a summary, a concept and a long document's JSON source page; returns its wiki folder. */
function wiki(): string {
    const kb = makeKb(tempDir('openkb-ask-'));
    const w = path.join(kb, 'wiki');
    for (const page of ['summaries/paper.md', 'concepts/attention.md', 'sources/long.json', 'index.md']) {
        fs.mkdirSync(path.dirname(path.join(w, page)), { recursive: true });
        fs.writeFileSync(path.join(w, page), '# page\n');
    }
    return w;
}

const SOURCES: QuerySource[] = [
    { page: 'concepts/attention', title: 'Attention', score: 3.2, snippet: 'Attention weighs <b>tokens</b>.', range: { startLine: 4, endLine: 7, pdfPage: 0 } },
    { page: 'summaries/paper', title: 'Paper', doc: 'paper.pdf', score: 1.5, snippet: 'A paper.' },
];

function result(question: string, answer: string): QueryResult {
    return { question, answer, mode: 'offline', sources: SOURCES };
}

describe('Ask panel: rendering an answer', () => {
    const renderer = new AnswerRenderer(wiki());

    test('renders Markdown, and [[wikilinks]] as links relative to wiki/', () => {
        const html = renderer.render('**Attention** is in [[concepts/attention]] and [[paper]].');
        assert.match(html, /<strong>Attention<\/strong>/);
        assert.match(html, /<a href="concepts\/attention\.md"[^>]*class="openkb-wikilink"/);
        assert.match(html, /<a href="summaries\/paper\.md"/);
    });

    test('escapes raw HTML from the KB instead of passing it through', () => {
        const html = renderer.render('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)"> text <iframe src="https://evil.example"></iframe>');
        assert.doesNotMatch(html, /<script|<img|<iframe/);
        assert.match(html, /&lt;script&gt;/);
    });

    test('drops javascript:, data: and file: links', () => {
        const html = renderer.render('[a](javascript:alert(1)) [b](data:text/html,<script>x</script>) [c](file:///etc/passwd)');
        assert.doesNotMatch(html, /href="(javascript|data|file):/);
    });
});

describe('Ask panel: which file a click opens', () => {
    const w = wiki();

    test('a cited page is its .md file in wiki/; a long document source page may be .json', () => {
        assert.equal(pageFile(w, 'concepts/attention'), fs.realpathSync(path.join(w, 'concepts', 'attention.md')));
        assert.equal(pageFile(w, 'sources/long'), fs.realpathSync(path.join(w, 'sources', 'long.json')));
        assert.equal(pageFile(w, 'concepts/missing'), undefined);
    });

    test('a page path that climbs out, is absolute, or is a folder opens nothing', () => {
        for (const page of ['../.openkb/config', '/etc/passwd', 'concepts/../../.openkb/config', 'concepts', 'a\\b', '', 'concepts//attention']) {
            assert.equal(pageFile(w, page), undefined, page);
        }
    });

    test('a page that is a symlink out of the wiki opens nothing; one inside it opens', () => {
        const outside = path.join(tempDir(), 'secret.md');
        fs.writeFileSync(outside, 'secret');
        fs.symlinkSync(outside, path.join(w, 'concepts', 'leak.md'));
        fs.symlinkSync(path.join(w, 'summaries', 'paper.md'), path.join(w, 'concepts', 'alias.md'));
        assert.equal(pageFile(w, 'concepts/leak'), undefined);
        assert.equal(pageFile(w, 'concepts/alias'), fs.realpathSync(path.join(w, 'summaries', 'paper.md')));
    });

    test('links in an answer: wiki hrefs open pages, http(s) goes to the browser, other schemes are refused', () => {
        assert.deepEqual(linkTarget(w, 'concepts/attention.md#heading'), { kind: 'page', file: fs.realpathSync(path.join(w, 'concepts', 'attention.md')) });
        assert.deepEqual(linkTarget(w, 'https://example.org/x'), { kind: 'external', url: 'https://example.org/x' });
        for (const href of ['command:workbench.action.terminal.new', 'file:///etc/passwd', '/etc/passwd', '../.openkb/config.yaml', '%2e%2e/.openkb/config.yaml', '%E0%A4%A']) {
            assert.equal(linkTarget(w, href).kind, 'refused', href);
        }
    });
});

describe('Ask panel: where a PDF page starts in a per-page JSON source', () => {
    test('the line of "page": N, else the top', () => {
        const json = '[\n  {\n    "page": 1,\n    "content": "a"\n  },\n  {\n    "page": 12,\n    "content": "b"\n  }\n]\n';
        assert.equal(jsonPageLine(json, 12), 6);
        assert.equal(jsonPageLine(json, 1), 2);
        assert.equal(jsonPageLine(json, 2), 0);
    });
});

describe('Ask panel: the HTML shell', () => {
    test('a CSP that runs only the nonce-tagged script and loads nothing remote', () => {
        const csp = contentSecurityPolicy('https://res.vscode-cdn.example', 'N0nce');
        assert.match(csp, /default-src 'none'/);
        assert.match(csp, /script-src 'nonce-N0nce'(;|$)/);
        assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*|https?:\/\/(?!res\.vscode-cdn\.example)/);
        const html = askHtml({ cspSource: 'https://res.vscode-cdn.example', scriptUri: 'https://res.vscode-cdn.example/ask.js', styleUri: 'https://res.vscode-cdn.example/ask.css', kbName: '<kb>', nonce: 'N0nce' });
        assert.equal((html.match(/<script/g) ?? []).length, 1);
        assert.match(html, /<script nonce="N0nce" src="https:\/\/res\.vscode-cdn\.example\/ask\.js"><\/script>/);
        assert.match(html, /Ask &lt;kb&gt;/);
        assert.doesNotMatch(html, /<kb>/);
    });

    test('a fresh nonce each time', () => {
        const parts = { cspSource: 's', scriptUri: 'a', styleUri: 'b', kbName: 'kb' };
        assert.notEqual(askHtml(parts).match(/nonce="([^"]+)"/)?.[1], askHtml(parts).match(/nonce="([^"]+)"/)?.[1]);
    });
});

describe('Ask panel: the exploration slug (OpenKB\'s rule)', () => {
    test('lower case, runs of other characters to "-", trimmed, at most 60 characters', () => {
        assert.equal(explorationSlug('What is "Attention"?'), 'what-is-attention');
        assert.equal(explorationSlug('  Ünïcode & stuff  '), 'n-code-stuff');
        assert.equal(explorationSlug('a'.repeat(59) + ' bcd').length, 60);
        assert.equal(explorationSlug('a'.repeat(59) + ' b'), 'a'.repeat(59) + '-', 'trimmed before it is cut');
        assert.equal(explorationSlug('a'.repeat(60) + ' b'), 'a'.repeat(60));
    });
});

/** A conversation talking to a scripted server over a real JSON-RPC connection, with what it posted. */
class Harness implements AskHost {
    readonly server = new FakeServer();
    readonly api = new OpenKbApi(this.server.connection);
    readonly posted: ToPanel[] = [];
    readonly opened: QuerySource[] = [];
    readonly links: string[] = [];
    readonly conversation = new AskConversation(this, new AnswerRenderer(wiki()));

    query(question: string, save: boolean, onChunk: (text: string) => void, token: CancellationToken): Promise<QueryResult> {
        return this.api.query({ question, kb: 'file:///kb', ...(save ? { save } : {}) }, onChunk, token);
    }
    post(message: ToPanel): void {
        this.posted.push(message);
    }
    async openSource(source: QuerySource): Promise<void> {
        this.opened.push(source);
    }
    async openLink(href: string): Promise<void> {
        this.links.push(href);
    }
    errorText(error: unknown): string {
        return error instanceof Error ? error.message : String(error);
    }

    turns(id: number): TurnView[] {
        return this.posted.flatMap((m) => (m.type === 'turn' && m.turn.id === id ? [m.turn] : []));
    }
    last(id: number): TurnView {
        const all = this.turns(id);
        return all[all.length - 1];
    }
    notices(): string[] {
        return this.posted.flatMap((m) => (m.type === 'notice' ? [m.text] : []));
    }
}

describe('Ask panel: a conversation with the server', () => {
    let h: Harness;
    const harnesses: Harness[] = [];
    beforeEach(() => {
        h = new Harness();
        harnesses.push(h);
    });
    after(() => harnesses.forEach((x) => x.server.dispose()));

    /** Streams `chunks` as partial results, each once the panel showed the previous one, then answers. */
    function streamingServer(chunks: string[]): void {
        h.server.onRequest('openkb/query', async (params) => {
            for (const chunk of chunks) {
                const shown = h.posted.length;
                await h.server.notify('$/progress', { token: params.partialResultToken, value: { chunk: chunk } });
                await eventually(`the panel to show ${JSON.stringify(chunk)}`, () => h.posted.length > shown);
            }
            return result(params.question, chunks.join(''));
        });
    }

    test('the answer streams into the panel as rendered Markdown, then the sources are listed', async () => {
        streamingServer(['**Attention** ', 'weighs tokens, ', 'see [[concepts/attention]].']);
        await h.conversation.ask('  What is attention?  ');

        const [request] = h.server.requests('openkb/query');
        assert.equal(request.question, 'What is attention?');
        assert.equal(request.kb, 'file:///kb');
        assert.equal(request.save, undefined);
        assert.equal(typeof request.partialResultToken, 'string');

        const streaming = h.turns(1).filter((t) => t.status === 'streaming');
        assert.ok(streaming.length >= 3, `the answer was shown while it streamed (${streaming.length} updates)`);
        assert.equal(streaming[0].html, '', 'the first update is the question alone');
        assert.match(streaming[1].html, /<strong>Attention<\/strong>/, 'the first piece shows at once, before the rest arrives');
        assert.ok(streaming.every((t) => t.sources.length === 0), 'sources come with the complete answer');
        const done = h.last(1);
        assert.equal(done.status, 'done');
        assert.equal(done.question, 'What is attention?');
        assert.match(done.html, /<strong>Attention<\/strong> weighs tokens, see <a href="concepts\/attention\.md"/);
        assert.equal(done.mode, 'offline');
        assert.deepEqual(done.sources.map((s) => [s.page, s.title, s.doc]), [['concepts/attention', 'Attention', undefined], ['summaries/paper', 'Paper', 'paper.pdf']]);
        assert.equal(done.sources[0].snippet, 'Attention weighs <b>tokens</b>.', 'snippets are text: the panel sets them with textContent');
    });

    test('an answer whose pieces all come at once still shows its first piece while it streams', async () => {
        h.server.onRequest('openkb/query', async (params) => {
            for (const chunk of ['First passage. ', 'Second passage.']) {
                await h.server.notify('$/progress', { token: params.partialResultToken, value: { chunk } });
            }
            return result(params.question, 'First passage. Second passage.');
        });
        await h.conversation.ask('q');
        assert.ok(h.turns(1).some((t) => t.status === 'streaming' && t.html.includes('First passage.')),
            `a streaming update showed text: ${JSON.stringify(h.turns(1).map((t) => [t.status, t.html]))}`);
    });

    test('clicking a source opens that page at its range; clicking a link in the answer opens the link', async () => {
        streamingServer(['An answer.']);
        await h.conversation.ask('q');
        await h.conversation.receive({ type: 'openSource', turn: 1, index: 0 });
        await h.conversation.receive({ type: 'openLink', href: 'concepts/attention.md' });
        assert.deepEqual(h.opened, [SOURCES[0]]);
        assert.deepEqual(h.links, ['concepts/attention.md']);
    });

    test('messages from the webview that do not fit are ignored', async () => {
        streamingServer(['An answer.']);
        await h.conversation.ask('q');
        for (const m of [null, 'ask', { type: 'openSource', turn: '1', index: 0 }, { type: 'openSource', turn: 1, index: 9 }, { type: 'openSource', turn: 7, index: 0 },
            { type: 'openLink', href: 42 }, { type: 'ask', question: ['x'] }, { type: 'save', turn: 99 }, { type: 'nonsense' }]) {
            await h.conversation.receive(m);
        }
        assert.deepEqual(h.opened, []);
        assert.deepEqual(h.links, []);
        assert.equal(h.server.requests('openkb/query').length, 1);
    });

    test('follow-up questions are new turns of the same conversation; a reloaded panel gets them all back', async () => {
        streamingServer(['An answer.']);
        await h.conversation.receive({ type: 'ask', question: 'first?' });
        await h.conversation.receive({ type: 'ask', question: 'and then?' });
        assert.deepEqual(h.server.requests('openkb/query').map((p) => p.question), ['first?', 'and then?']);
        await h.conversation.receive({ type: 'ready' });
        const reset = h.posted.filter((m) => m.type === 'reset').pop();
        assert.ok(reset && reset.type === 'reset');
        assert.deepEqual(reset.turns.map((t) => [t.id, t.question, t.status]), [[1, 'first?', 'done'], [2, 'and then?', 'done']]);
    });

    test('"Save as exploration" asks the server to save that question, once, and the panel says where', async () => {
        h.server.onRequest('openkb/query', (params) => ({ ...result(params.question, 'An answer.'), ...(params.save ? { saved: 'wiki/explorations/what-is-attention.md' } : {}) }));
        await h.conversation.ask('What is attention?');
        await h.conversation.receive({ type: 'save', turn: 1 });
        await h.conversation.receive({ type: 'save', turn: 1 });
        const saves = h.server.requests('openkb/query').filter((p) => p.save === true);
        assert.deepEqual(saves.map((p) => p.question), ['What is attention?']);
        assert.equal(h.last(1).saved, 'wiki/explorations/what-is-attention.md');
        assert.deepEqual(h.notices(), ['Saved as wiki/explorations/what-is-attention.md']);
    });

    test('Stop cancels the request on the wire ($/cancelRequest) and keeps what had arrived', async () => {
        h.server.onRequest('openkb/query', async (params, request) => {
            await h.server.notify('$/progress', { token: params.partialResultToken, value: { chunk: 'The first part' } });
            await h.server.waitFor((m) => (m as { method?: string }).method === '$/cancelRequest' && (m as any).params.id === request.id);
            throw new RpcError(-32800, 'cancelled');
        });
        const asked = h.conversation.ask('q');
        await eventually('the first part to show', () => h.posted.some((m) => m.type === 'turn' && m.turn.html.includes('The first part')));
        await h.conversation.receive({ type: 'stop' });
        await asked;
        assert.equal(h.last(1).status, 'cancelled');
        assert.match(h.last(1).html, /The first part/);
    });

    test('a new question cancels the one still streaming', async () => {
        h.server.onRequest('openkb/query', async (params, request) => {
            if (params.question === 'slow') {
                await h.server.waitFor((m) => (m as { method?: string }).method === '$/cancelRequest' && (m as any).params.id === request.id);
                throw new RpcError(-32800, 'cancelled');
            }
            return result(params.question, 'Quick.');
        });
        const slow = h.conversation.ask('slow');
        await h.server.waitFor((m) => (m as any).method === 'openkb/query');
        await h.conversation.ask('quick');
        await slow;
        assert.equal(h.last(1).status, 'cancelled');
        assert.equal(h.last(2).status, 'done');
    });

    test('a failed question shows the server\'s reason; the next one works', async () => {
        let first = true;
        h.server.onRequest('openkb/query', (params) => {
            if (first) {
                first = false;
                throw new RpcError(-32602, 'openkb/query: the KB has no pages yet; add documents first');
            }
            return result(params.question, 'Fine.');
        });
        await h.conversation.ask('q1');
        await h.conversation.ask('q2');
        assert.equal(h.last(1).status, 'failed');
        assert.equal(h.last(1).error, 'openkb/query: the KB has no pages yet; add documents first');
        assert.equal(h.last(2).status, 'done');
    });

    test('an empty question asks nothing; an overlong one is refused in the panel', async () => {
        streamingServer(['x']);
        await h.conversation.ask('   ');
        await h.conversation.ask('x'.repeat(10_001));
        assert.equal(h.server.requests('openkb/query').length, 0);
        assert.match(h.notices()[0], /10001 characters long; ask in at most 10000/);
    });
});
