// Prepares runtime/, the Java runtime a platform-specific .vsix carries so that most users need no Java.
//   node scripts/bundle-runtime.mjs linux-x64   jlink a runtime from the build JDK with only the modules
//                                               the server jar needs (jdeps), then smoke-test it
//   node scripts/bundle-runtime.mjs --none      remove runtime/ (the universal .vsix uses the user's Java)
// The JDK is the one whose jlink/jdeps are on PATH, or $JAVA_HOME's. A runtime is built for the platform
// it runs on, so the target must match this machine.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const runtime = join(root, 'runtime');
const jar = join(root, 'server', 'openkb.jar');
const target = process.argv[2];

// Loaded through ServiceLoader or reflection, so jdeps cannot see them: TLS elliptic curves (HTTPS to an
// LLM endpoint), the extra charsets (documents in legacy encodings), sun.misc.Unsafe (Gson).
const SERVICE_MODULES = ['jdk.crypto.ec', 'jdk.charsets', 'jdk.unsupported'];

function fail(message) {
    console.error(`bundle-runtime: ${message}`);
    process.exit(1);
}

function tool(name) {
    const home = process.env.JAVA_HOME;
    return home && existsSync(join(home, 'bin', name)) ? join(home, 'bin', name) : name;
}

function run(command, args) {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

if (target === '--none') {
    rmSync(runtime, { recursive: true, force: true });
    console.log('bundle-runtime: no runtime (universal package)');
    process.exit(0);
}
const here = `${process.platform === 'win32' ? 'win32' : process.platform}-${process.arch}`;
if (target !== here) {
    fail(`usage: bundle-runtime.mjs <platform>|--none; this machine builds ${here} only (jlink uses the build JDK), got ${target}`);
}
if (!existsSync(jar)) {
    fail(`${jar} is missing: run "npm run copy-server" first`);
}

const jarHash = createHash('sha256').update(readFileSync(jar)).digest('hex');
const stampFile = join(runtime, '.openkb-runtime');
if (existsSync(stampFile) && readFileSync(stampFile, 'utf8').startsWith(`${target} ${jarHash}`)) {
    console.log('bundle-runtime: runtime/ is current for this jar');
    process.exit(0);
}

// The shaded jar carries a dependency's module-info.class, which makes jdeps read it as that module
// (and report only its needs): analyse a copy without it.
const work = mkdtempSync(join(tmpdir(), 'openkb-jdeps-'));
try {
    const copy = join(work, 'openkb.jar');
    cpSync(jar, copy);
    try {
        run('zip', ['-q', '-d', copy, 'module-info.class', 'META-INF/versions/*/module-info.class']);
    } catch (error) {
        if (error.code === 'ENOENT') {
            fail('needs the zip tool (apt-get install zip) to drop module-info.class from a copy of the jar');
        }
        // zip exits 12 when there was nothing to delete.
    }
    const found = run(tool('jdeps'), ['--print-module-deps', '--ignore-missing-deps', '--multi-release', '17', copy]);
    const modules = [...new Set([...found.split(','), ...SERVICE_MODULES])].filter((m) => m.length > 0).sort();
    console.log(`bundle-runtime: modules ${modules.join(',')}`);
    rmSync(runtime, { recursive: true, force: true });
    run(tool('jlink'), [
        '--add-modules', modules.join(','),
        '--strip-debug', '--no-man-pages', '--no-header-files', '--compress=2',
        '--output', runtime,
    ]);
    // Smoke test: the runtime creates a KB and reads it back with the real jar.
    const java = join(runtime, 'bin', process.platform === 'win32' ? 'java.exe' : 'java');
    const kb = join(work, 'kb');
    run(java, ['-jar', jar, 'init', kb]);
    const status = run(java, ['-jar', jar, 'status', '--kb', kb]);
    console.log(`bundle-runtime: smoke test ok (${status.split('\n')[0]})`);
    writeFileSync(stampFile, `${target} ${jarHash} ${modules.join(',')}\n`);
} finally {
    rmSync(work, { recursive: true, force: true });
}
