// The Ask panel's script (runs in the webview; no imports, no network). It draws the turns the
// extension sends and sends back what the user does. Answer HTML comes rendered and sanitized from the
// extension; everything else (questions, titles, snippets, errors) is set as text, never as HTML.
(function () {
    const vscode = acquireVsCodeApi();
    const turnsEl = document.getElementById('turns');
    const noticeEl = document.getElementById('notice');
    const questionEl = document.getElementById('question');
    const askEl = document.getElementById('ask');
    const stopEl = document.getElementById('stop');
    /** Turn id → its <section>. */
    const sections = new Map();

    function el(tag, className, text) {
        const e = document.createElement(tag);
        if (className) e.className = className;
        if (text !== undefined) e.textContent = text;
        return e;
    }

    function drawTurn(turn) {
        let section = sections.get(turn.id);
        if (!section) {
            section = el('section', 'turn');
            section.dataset.turn = String(turn.id);
            sections.set(turn.id, section);
            turnsEl.appendChild(section);
        }
        section.dataset.status = turn.status;
        section.replaceChildren();
        section.appendChild(el('h2', 'question', turn.question));
        const answer = el('div', 'answer');
        answer.innerHTML = turn.html; // rendered by markdown-it with raw HTML escaped (answerMarkdown.ts)
        section.appendChild(answer);
        if (turn.status === 'streaming') {
            section.appendChild(el('p', 'state', turn.html ? 'Answering…' : 'Searching the knowledge base…'));
        } else if (turn.status === 'cancelled') {
            section.appendChild(el('p', 'state', 'Stopped.'));
        } else if (turn.status === 'failed') {
            section.appendChild(el('p', 'error', turn.error || 'The question could not be answered.'));
        }
        if (turn.sources.length > 0) {
            const heading = el('h3', 'sources-heading', turn.mode === 'offline' ? 'Sources (retrieved passages, no model)' : 'Sources');
            section.appendChild(heading);
            const list = el('ol', 'sources');
            turn.sources.forEach((s, index) => {
                const item = el('li', 'source');
                const link = el('a', 'source-link', s.title || s.page);
                link.href = '#';
                link.title = `Open ${s.page}`;
                link.dataset.index = String(index);
                link.addEventListener('click', (event) => {
                    event.preventDefault();
                    vscode.postMessage({ type: 'openSource', turn: turn.id, index });
                });
                item.appendChild(link);
                item.appendChild(el('span', 'source-page', s.doc ? ` — ${s.page} (${s.doc})` : ` — ${s.page}`));
                if (s.snippet) item.appendChild(el('blockquote', 'snippet', s.snippet));
                list.appendChild(item);
            });
            section.appendChild(list);
        }
        if (turn.status === 'done') {
            const actions = el('div', 'actions');
            if (turn.saved) {
                actions.appendChild(el('span', 'saved', `Saved as ${turn.saved}`));
            } else {
                const save = el('button', 'save', 'Save as exploration');
                save.type = 'button';
                save.addEventListener('click', () => {
                    save.disabled = true;
                    vscode.postMessage({ type: 'save', turn: turn.id });
                });
                actions.appendChild(save);
            }
            section.appendChild(actions);
        }
        const busy = [...sections.values()].some((s) => s.dataset.status === 'streaming');
        stopEl.hidden = !busy;
        section.scrollIntoView({ block: 'end' });
    }

    // Links inside an answer ([[wikilinks]], Markdown links) are opened by the extension, which checks
    // them; the webview itself never navigates.
    turnsEl.addEventListener('click', (event) => {
        const link = event.target instanceof Element ? event.target.closest('.answer a') : null;
        if (!link) return;
        event.preventDefault();
        const href = link.getAttribute('href');
        if (href) vscode.postMessage({ type: 'openLink', href });
    });

    function ask() {
        const question = questionEl.value.trim();
        if (!question) return;
        questionEl.value = '';
        noticeEl.textContent = '';
        vscode.postMessage({ type: 'ask', question });
    }
    askEl.addEventListener('click', ask);
    stopEl.addEventListener('click', () => vscode.postMessage({ type: 'stop' }));
    questionEl.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            ask();
        }
    });

    window.addEventListener('message', (event) => {
        const m = event.data;
        if (!m || typeof m !== 'object') return;
        if (m.type === 'turn') {
            drawTurn(m.turn);
        } else if (m.type === 'reset') {
            sections.clear();
            turnsEl.replaceChildren();
            m.turns.forEach(drawTurn);
        } else if (m.type === 'notice') {
            noticeEl.textContent = m.text;
        }
    });

    vscode.postMessage({ type: 'ready' });
    questionEl.focus();
})();
