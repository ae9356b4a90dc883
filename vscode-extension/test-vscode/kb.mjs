// What the flows check on disk and how they make fixtures: only through the real server jar's CLI
// (a KB is what `openkb init` creates), never hand-made KB state.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Runs `java -jar <jar> ...args` in `cwd`; returns its stdout and exit code (no throw on non-zero). */
export function cli(jar, args, cwd) {
    try {
        const stdout = execFileSync('java', ['-jar', jar, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
        return { code: 0, stdout };
    } catch (e) {
        return { code: e.status ?? -1, stdout: `${e.stdout ?? ''}${e.stderr ?? ''}` };
    }
}

export function initKb(jar, dir) {
    const r = cli(jar, ['init', dir], dir);
    if (r.code !== 0 || !fs.existsSync(path.join(dir, '.openkb', 'config.yaml'))) {
        throw new Error(`openkb init ${dir} failed (${r.code}): ${r.stdout}`);
    }
}

/** Writes files (relative path → text) below `dir`. */
export function writeFiles(dir, files) {
    for (const [rel, text] of Object.entries(files)) {
        const file = path.join(dir, rel);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
    }
}

/** `count` text documents of a few hundred KB each under `dir/folder`, so an add of them takes a while. */
export function generatedDocs(dir, folder, count) {
    const files = {};
    for (let i = 1; i <= count; i++) {
        const n = String(i).padStart(2, '0');
        const para = `Paragraph about topic ${n}: the quick brown fox jumps over the lazy dog while the knowledge base grows.\n\n`;
        files[path.join(folder, `doc-${n}.txt`)] = `Document ${n}\n\n${para.repeat(2000)}`;
    }
    writeFiles(dir, files);
}

/** Documents in the KB's raw/ folder. */
export function rawFiles(kb) {
    const raw = path.join(kb, 'raw');
    return fs.existsSync(raw) ? fs.readdirSync(raw).filter((f) => !f.startsWith('.')).sort() : [];
}

/** Journals waiting for recovery (`.openkb/journal/*.json`). */
export function journals(kb) {
    const dir = path.join(kb, '.openkb', 'journal');
    return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
}

/** The KB's own lint, as `openkb lint` on the command line reports it. */
export function lint(jar, kb) {
    return cli(jar, ['lint'], kb);
}

/** Asserts `openkb lint` exits 0 (clean), showing its report otherwise. */
export function assertLintsClean(assert, jar, kb, when) {
    const r = lint(jar, kb);
    assert.equal(r.code, 0, `openkb lint ${when} exits 0 (clean); it said:\n${r.stdout}`);
}

/**
 * Asserts the KB is consistent: `openkb lint` finds no broken link, no raw file without its wiki pages,
 * no index out of sync, no bad frontmatter or OKF field. Orphaned pages are allowed: the offline compiler
 * links a document's pages to others only through shared concepts, which small unrelated documents lack.
 */
export function assertConsistent(assert, jar, kb, when) {
    const r = lint(jar, kb);
    const counts = [...r.stdout.matchAll(/^### (.+?) \((\d+)\)$/gm)].map((m) => [m[1], Number(m[2])]);
    assert.ok(counts.length >= 5, `openkb lint ${when} printed its report:\n${r.stdout}`);
    const bad = counts.filter(([section, n]) => n > 0 && section !== 'Orphaned Pages');
    assert.deepEqual(bad, [], `openkb lint ${when}: only orphaned pages allowed:\n${r.stdout}`);
}
