/**
 * Fixtures for the end-to-end tests, built by the real server jar only (no hand-made KB state): a KB is
 * what `java -jar <jar> init <dir>` creates.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findJava } from '../../server/javaLauncher';

/** `$OPENKB_JAR`, else the server module's build output next to this extension. */
export function serverJarPath(): string {
    return process.env.OPENKB_JAR || path.resolve(__dirname, '..', '..', '..', '..', '..', 'server', 'target', 'openkb.jar');
}

/**
 * The server jar; throws (failing the test, never skipping it) with how to build it when it is missing.
 */
export function requireServerJar(): string {
    const jar = serverJarPath();
    if (!fs.existsSync(jar)) {
        throw new Error(
            `The OpenKB server jar ${jar} does not exist, so the end-to-end test cannot run. Build it from the ` +
                'repository root with `mvn -q -pl server -am package -DskipTests`, or set OPENKB_JAR to a built jar.',
        );
    }
    return jar;
}

/** The Java the extension itself would pick on this machine (JAVA_HOME, then PATH). */
export async function testJava(): Promise<string> {
    return (await findJava({ env: process.env })).javaPath;
}

export function tempDir(prefix: string): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function run(java: string, args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
        const child = execFile(java, args, { cwd, timeout: 60_000 }, (error, stdout, stderr) => {
            if (error) {
                reject(new Error(`${java} ${args.join(' ')} failed: ${error.message}\nstdout: ${stdout}\nstderr: ${stderr}`));
            } else {
                resolve({ stdout, stderr });
            }
        });
        child.stdin?.end(); // init must not wait for answers to prompts
    });
}

/** A new, empty KB made by the server's own `init`. */
export async function createKb(java: string, jar: string): Promise<string> {
    const kb = path.join(tempDir('openkb-e2e-'), 'kb');
    fs.mkdirSync(kb);
    await run(java, ['-jar', jar, 'init', kb], kb);
    const config = path.join(kb, '.openkb', 'config.yaml');
    if (!fs.existsSync(config)) {
        throw new Error(`\`java -jar ${jar} init ${kb}\` exited 0 but left no ${config}`);
    }
    return kb;
}

/** Writes `files` (relative path → text) below `dir` and returns their absolute paths, in order. */
export function writeFiles(dir: string, files: Record<string, string>): string[] {
    return Object.entries(files).map(([rel, text]) => {
        const file = path.join(dir, rel);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
        return file;
    });
}

/** Journals waiting in the KB (`.openkb/journal/*.json`, OpenKB's layout). */
export function journals(kb: string): string[] {
    const dir = path.join(kb, '.openkb', 'journal');
    return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
}

/** A small folder of supported documents, plus one file the server must ignore. */
export function sourceFolder(count: number): { dir: string; supported: string[] } {
    const dir = tempDir('openkb-e2e-src-');
    const files: Record<string, string> = { 'ignored.png': 'not a document' };
    const kinds = ['md', 'txt', 'html'];
    for (let i = 1; i <= count; i++) {
        const ext = kinds[(i - 1) % kinds.length];
        const body = `Document ${i} is about topic ${i}. It has a few sentences so that it converts into a page.`;
        files[`doc${i}.${ext}`] = ext === 'html' ? `<html><head><title>Doc ${i}</title></head><body><p>${body}</p></body></html>` : `# Doc ${i}\n\n${body}\n`;
    }
    const written = writeFiles(dir, files);
    return { dir, supported: written.filter((f) => !f.endsWith('.png')) };
}
