/**
 * The Ask panel's HTML shell. Self-contained: the script and the stylesheet are the extension's own
 * files (media/ask.js, media/ask.css) served through the webview's resource scheme, and the
 * Content-Security-Policy allows nothing else: no inline script (the one script tag carries a fresh
 * nonce), no remote script, style, image, font or connection, no frames or forms. Answers are put in
 * by the script from rendered, sanitized HTML (answerMarkdown.ts); images in them load only from the
 * webview's own resources.
 */
import { randomBytes } from 'node:crypto';

export interface AskHtmlParts {
    /** The webview's `cspSource` (its own resource origin). */
    cspSource: string;
    scriptUri: string;
    styleUri: string;
    /** The KB's folder name, for the heading. */
    kbName: string;
    nonce?: string;
}

/** A nonce for the script tag: 128 random bits, base64. */
export function newNonce(): string {
    return randomBytes(16).toString('base64');
}

export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
    return [
        "default-src 'none'",
        `style-src ${cspSource}`,
        `img-src ${cspSource}`,
        `font-src ${cspSource}`,
        `script-src 'nonce-${nonce}'`,
        "form-action 'none'",
        "frame-src 'none'",
        "base-uri 'none'",
    ].join('; ');
}

export function askHtml(parts: AskHtmlParts): string {
    const nonce = parts.nonce ?? newNonce();
    const kb = escapeHtml(parts.kbName);
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(parts.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(parts.styleUri)}">
<title>Ask ${kb}</title>
</head>
<body>
<main id="turns" aria-live="polite" aria-label="Questions and answers"></main>
<p id="notice" role="status"></p>
<div id="composer">
<textarea id="question" rows="2" placeholder="Ask ${kb} a question (Enter asks, Shift+Enter is a new line)" aria-label="Question"></textarea>
<button id="ask" type="button">Ask</button>
<button id="stop" type="button" hidden>Stop</button>
</div>
<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(parts.scriptUri)}"></script>
</body>
</html>`;
}
