import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { graphPagePath, graphWebviewHtml } from '../../graphView';

const PAGE = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<title>t</title>\n</head>\n<body>\n<script type="application/json" id="graph-data">{"nodes":[]}</script>\n<script>\nrun();\n</script>\n</body>\n</html>\n';

test('the graph page runs in the webview only with its own script, by nonce, and loads nothing', () => {
    const html = graphWebviewHtml(PAGE, 'abc123');
    assert.match(html, /<head>\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-abc123';">/);
    assert.match(html, /<script nonce="abc123">\nrun\(\);/);
    assert.match(html, /<script type="application\/json" id="graph-data">/, 'the data block is left as data');
    assert.throws(() => graphWebviewHtml(PAGE, `x' 'unsafe-inline`));
});

test('a click opens only a summary, concept or entity page that really is in the wiki', () => {
    const kb = fs.mkdtempSync(path.join(os.tmpdir(), 'openkb-graph-'));
    try {
        fs.mkdirSync(path.join(kb, 'wiki', 'concepts'), { recursive: true });
        fs.writeFileSync(path.join(kb, 'wiki', 'concepts', 'attention.md'), '# Attention');
        fs.writeFileSync(path.join(kb, 'secret.md'), 'outside the wiki');
        fs.symlinkSync(path.join(kb, 'secret.md'), path.join(kb, 'wiki', 'concepts', 'linked.md'));
        fs.symlinkSync(kb, path.join(kb, 'wiki', 'entities'));

        assert.equal(graphPagePath(kb, { type: 'open', id: 'concepts/attention' }), path.join(kb, 'wiki', 'concepts', 'attention.md'));
        for (const id of ['concepts/missing', 'concepts/linked', 'entities/secret', '../secret', 'concepts/../../secret', 'index', 'sources/x', 'concepts/.hidden']) {
            assert.equal(graphPagePath(kb, { type: 'open', id }), undefined, id);
        }
        assert.equal(graphPagePath(kb, { type: 'run', id: 'concepts/attention' }), undefined);
        assert.equal(graphPagePath(kb, 'concepts/attention'), undefined);
        assert.equal(graphPagePath(kb, null), undefined);
    } finally {
        fs.rmSync(kb, { recursive: true, force: true });
    }
});
