import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { headingSlug, parseWikilink, wikilinkHref, wikilinkPlugin } from '../../wikilinks/markdownItWikilinks';
import { makeKb, tempDir } from '../support/harness';
import { readPackageJson } from '../support/packageJson';

const MarkdownIt = require('markdown-it');

/** A KB with a summary and a concept page; returns the wiki folder. */
function wiki(): string {
    const kb = makeKb(tempDir());
    const w = path.join(kb, 'wiki');
    for (const page of ['summaries/paper.md', 'concepts/attention.md', 'index.md']) {
        fs.mkdirSync(path.dirname(path.join(w, page)), { recursive: true });
        fs.writeFileSync(path.join(w, page), '# page\n');
    }
    return w;
}

/**
 * Renders as VS Code's preview does: it parses with an empty env (tokens are cached per document) and
 * names the previewed document only in the env of the render.
 */
function render(markdown: string, file: string): string {
    const md = new MarkdownIt();
    md.use(wikilinkPlugin);
    return md.renderer.render(md.parse(markdown, {}), md.options, { currentDocument: { scheme: 'file', fsPath: file } });
}

describe('[[wikilinks]] in the Markdown preview', () => {
    test('a path link points at the page, relative to the previewed page', () => {
        const w = wiki();
        const html = render('See [[concepts/attention]].', path.join(w, 'summaries', 'paper.md'));
        assert.match(html, /<a href="\.\.\/concepts\/attention\.md" class="openkb-wikilink" title="concepts\/attention"[^>]*>concepts\/attention<\/a>/);
    });

    test('VS Code\'s own link_open rule (which copies href to data-href) is kept, and data-href is the resolved one', () => {
        const w = wiki();
        const md = new MarkdownIt();
        md.use(wikilinkPlugin);
        // What the preview adds after the plugins: data-href from the token's href, then the previous rule.
        const previous = md.renderer.rules.link_open;
        md.renderer.rules.link_open = (tokens: any[], idx: number, options: unknown, env: unknown, self: any) => {
            tokens[idx].attrSet('data-href', tokens[idx].attrGet('href'));
            return previous ? previous(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
        };
        const html = md.renderer.render(md.parse('[[attention]]', {}), md.options, { currentDocument: { scheme: 'file', fsPath: path.join(w, 'index.md') } });
        assert.match(html, /href="concepts\/attention\.md"/);
        assert.match(html, /data-href="concepts\/attention\.md"/);
    });

    test('a bare page name is found in the wiki folders; an alias is the link text', () => {
        const w = wiki();
        const html = render('- [[attention|self-attention]]', path.join(w, 'index.md'));
        assert.match(html, /<a href="concepts\/attention\.md" class="openkb-wikilink"[^>]*>self-attention<\/a>/);
    });

    test('a heading becomes the fragment', () => {
        const w = wiki();
        assert.match(render('[[summaries/paper#Key Results!]]', path.join(w, 'index.md')), /href="summaries\/paper\.md#key-results"/);
        assert.equal(headingSlug(' Über das Modell '), 'über-das-modell');
    });

    test('a link to a page that does not exist is still a link, marked missing', () => {
        const w = wiki();
        const html = render('[[concepts/nothing]]', path.join(w, 'index.md'));
        assert.match(html, /<a href="concepts\/nothing\.md" class="openkb-wikilink openkb-wikilink-missing" title="concepts\/nothing \(no such page\)"/);
    });

    test('code spans, code blocks and ordinary links are left alone', () => {
        const w = wiki();
        const file = path.join(w, 'index.md');
        assert.doesNotMatch(render('`[[concepts/attention]]`', file), /<a /);
        assert.doesNotMatch(render('```\n[[concepts/attention]]\n```', file), /<a /);
        assert.match(render('[text](https://example.com) and [[attention]]', file), /href="https:\/\/example\.com".*href="concepts\/attention\.md"/s);
    });

    test('a target cannot lead out of the wiki folder', () => {
        const w = wiki();
        fs.writeFileSync(path.join(path.dirname(w), 'secret.md'), 'x');
        const found = wikilinkHref({ target: '../secret' }, path.join(w, 'index.md'));
        assert.equal(found.found, false);
    });

    test('outside a KB (no previewed file, or no wiki folder) links fall back to <target>.md', () => {
        assert.match(new MarkdownIt().use(wikilinkPlugin).render('[[a/b]]'), /<a href="a\/b\.md" class="openkb-wikilink openkb-wikilink-missing"/);
    });

    test('parsing: whitespace, empty targets and slashes', () => {
        assert.deepEqual(parseWikilink(' /concepts/x/ | X '), { target: 'concepts/x', alias: 'X' });
        assert.equal(parseWikilink(' | alias'), undefined);
        assert.equal(parseWikilink('#only-heading'), undefined);
    });
});

describe('[[wikilinks]] in the editor: the injection grammar', () => {
    const pkg = readPackageJson();
    const grammar = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', pkg.contributes.grammars[0].path), 'utf8'));
    // The pattern is plain enough that JavaScript's regex engine reads it as Oniguruma does.
    const pattern = new RegExp(grammar.repository.wikilink.match, 'g');

    test('captures target, heading and alias', () => {
        const m = [...'x [[concepts/a#Intro|the intro]] y'.matchAll(pattern)][0];
        assert.deepEqual([m[2], m[4], m[6]], ['concepts/a', 'Intro', 'the intro']);
        assert.equal(grammar.repository.wikilink.captures['2'].name, 'markup.underline.link.wikilink.openkb');
    });

    test('matches every link on a line, and no single brackets or unclosed links', () => {
        assert.deepEqual([...'[[a]] and [[b|B]]'.matchAll(pattern)].map((m) => m[2]), ['a', 'b']);
        assert.equal([...'[a] [[b] [[c'.matchAll(pattern)].length, 0);
    });

    test('is kept out of code', () => {
        assert.match(grammar.injectionSelector, /-markup\.fenced_code/);
        assert.match(grammar.injectionSelector, /-markup\.inline\.raw/);
    });
});
