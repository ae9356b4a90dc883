/**
 * Finds a Java 17+ runtime and builds the command line of the OpenKB server. No `vscode` import: the
 * end-to-end test starts the real server with exactly this command.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { archiveFor } from './cdsArchive';

export const MIN_JAVA_VERSION = 17;

/** Where a runtime came from, as the user would name it in a message. */
export type JavaSource = 'openkb.java.home' | 'bundled runtime' | 'JAVA_HOME' | 'PATH';

export interface JavaRuntime {
    javaPath: string;
    major: number;
    source: JavaSource;
}

/** The server cannot be started (no usable Java, no jar): `message` says what was found, `fix` what to do. */
export class ServerLaunchError extends Error {
    constructor(message: string, readonly fix: string) {
        super(message);
        this.name = 'ServerLaunchError';
    }
}

export interface JavaLookup {
    /** The `openkb.java.home` setting; when set it is the only candidate (the user chose it). */
    javaHome?: string;
    /**
     * The runtime a platform-specific package ships (`<extension>/runtime`, made by jlink); tried after
     * `openkb.java.home` and before JAVA_HOME and PATH. Absent in the universal package.
     */
    bundledRuntime?: string;
    env: NodeJS.ProcessEnv;
    platform?: NodeJS.Platform;
    /** Runs `<java> -version` and returns what it printed; replaceable in tests. */
    runVersion?: (javaPath: string) => Promise<string>;
}

/**
 * The major version in the output of `java -version` (or `--version`): `openjdk version "17.0.15"` → 17,
 * `java version "1.8.0_292"` → 8, `openjdk version "25-ea"` → 25, `openjdk 21.0.2 2024-01-16` → 21.
 * Undefined when the text holds no version (for example an error message).
 */
export function parseJavaMajorVersion(output: string): number | undefined {
    const match = /\bversion\s+"([^"]+)"/.exec(output) ?? /^(?:openjdk|java)\s+(\d[^\s]*)/m.exec(output);
    if (match === null) {
        return undefined;
    }
    const parts = match[1].split(/[.+_-]/);
    const first = Number.parseInt(parts[0], 10);
    // Before Java 9 the scheme was 1.<major>.
    const major = first === 1 && parts.length > 1 ? Number.parseInt(parts[1], 10) : first;
    return Number.isNaN(major) ? undefined : major;
}

function javaExecutable(home: string, platform: NodeJS.Platform): string {
    return path.join(home, 'bin', platform === 'win32' ? 'java.exe' : 'java');
}

function isExecutableFile(file: string, platform: NodeJS.Platform): boolean {
    try {
        if (!fs.statSync(file).isFile()) {
            return false;
        }
        fs.accessSync(file, platform === 'win32' ? fs.constants.F_OK : fs.constants.X_OK);
        return true;
    } catch {
        return false;
    }
}

function onPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
    const name = platform === 'win32' ? 'java.exe' : 'java';
    const dirs = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : ':').filter((d) => d.length > 0);
    return dirs.map((d) => path.join(d, name)).find((f) => isExecutableFile(f, platform));
}

/**
 * Restores the execute bit of the bundled `java` (and the helper the JDK spawns processes with) when an
 * unpacker dropped it; a runtime without it would be passed over as "could not be run".
 */
function makeExecutable(java: string, platform: NodeJS.Platform): void {
    if (platform === 'win32') {
        return;
    }
    const helper = path.join(path.dirname(path.dirname(java)), 'lib', 'jspawnhelper');
    for (const file of [java, helper]) {
        try {
            const mode = fs.statSync(file).mode;
            if ((mode & 0o100) === 0) {
                fs.chmodSync(file, mode | 0o755);
            }
        } catch {
            // Absent helper or a read-only install: the probe below reports a java that cannot run.
        }
    }
}

/** Where a platform package keeps its jlink runtime. */
export function bundledRuntimeDir(extensionRoot: string): string {
    return path.join(extensionRoot, 'runtime');
}

export function runJavaVersion(javaPath: string): Promise<string> {
    return new Promise((resolve, reject) => {
        execFile(javaPath, ['-version'], { timeout: 15_000, windowsHide: true }, (error, stdout, stderr) => {
            if (error) {
                reject(error);
            } else {
                resolve(`${stderr}${stdout}`);
            }
        });
    });
}

async function probe(javaPath: string, lookup: JavaLookup): Promise<number | string> {
    try {
        const major = parseJavaMajorVersion(await (lookup.runVersion ?? runJavaVersion)(javaPath));
        return major ?? `${javaPath} printed no Java version`;
    } catch (error) {
        return `${javaPath} could not be run (${(error as Error).message})`;
    }
}

const INSTALL_FIX =
    'Install a JDK 17 or newer (for example Eclipse Temurin) and set "openkb.java.home" to its folder, ' +
    'or point JAVA_HOME to it, then run "Developer: Reload Window".';

/**
 * The runtime to start the server with: `openkb.java.home` if set (and nothing else), otherwise the first
 * Java 17+ of JAVA_HOME and PATH. Throws {@link ServerLaunchError} naming every candidate that was tried.
 */
export async function findJava(lookup: JavaLookup): Promise<JavaRuntime> {
    const platform = lookup.platform ?? process.platform;
    const setting = lookup.javaHome?.trim();
    if (setting) {
        const exe = javaExecutable(setting, platform);
        if (!isExecutableFile(exe, platform)) {
            throw new ServerLaunchError(
                `"openkb.java.home" is set to ${setting}, but ${exe} does not exist or is not executable.`,
                'Set "openkb.java.home" to the folder of a JDK 17 or newer (the folder that contains bin/java), ' +
                    'or clear it to use JAVA_HOME or PATH.',
            );
        }
        const found = await probe(exe, lookup);
        if (typeof found === 'number' && found >= MIN_JAVA_VERSION) {
            return { javaPath: exe, major: found, source: 'openkb.java.home' };
        }
        const what = typeof found === 'number' ? `Java ${found}` : found;
        throw new ServerLaunchError(
            `"openkb.java.home" points to ${what}; OpenKB needs Java ${MIN_JAVA_VERSION} or newer.`,
            INSTALL_FIX,
        );
    }
    const candidates: Array<{ javaPath: string; source: JavaSource }> = [];
    const bundled = lookup.bundledRuntime && javaExecutable(lookup.bundledRuntime, platform);
    if (bundled && fs.existsSync(bundled)) {
        makeExecutable(bundled, platform);
        candidates.push({ javaPath: bundled, source: 'bundled runtime' });
    }
    const javaHome = lookup.env.JAVA_HOME?.trim();
    if (javaHome && isExecutableFile(javaExecutable(javaHome, platform), platform)) {
        candidates.push({ javaPath: javaExecutable(javaHome, platform), source: 'JAVA_HOME' });
    }
    const fromPath = onPath(lookup.env, platform);
    if (fromPath !== undefined) {
        candidates.push({ javaPath: fromPath, source: 'PATH' });
    }
    const rejected: string[] = [];
    for (const c of candidates) {
        const found = await probe(c.javaPath, lookup);
        if (typeof found === 'number' && found >= MIN_JAVA_VERSION) {
            return { ...c, major: found };
        }
        rejected.push(typeof found === 'number' ? `Java ${found} at ${c.javaPath} (${c.source})` : found);
    }
    const seen =
        rejected.length > 0
            ? `only found ${rejected.join('; ')}`
            : 'found no Java (JAVA_HOME is not set to a JDK and there is no java on PATH)';
    throw new ServerLaunchError(`OpenKB needs Java ${MIN_JAVA_VERSION} or newer to run its server, but ${seen}.`, INSTALL_FIX);
}

/** The bundled server jar, or the `openkb.server.jar` override; throws with a fix when it is missing. */
export function locateServerJar(override: string | undefined, extensionRoot: string): string {
    const jar = override?.trim() ? override.trim() : path.join(extensionRoot, 'server', 'openkb.jar');
    if (!fs.existsSync(jar)) {
        const fix = override?.trim()
            ? 'Correct or clear the "openkb.server.jar" setting.'
            : 'Reinstall the extension, or set "openkb.server.jar" to a built server (server/target/openkb.jar).';
        throw new ServerLaunchError(`The OpenKB server jar ${jar} does not exist.`, fix);
    }
    return jar;
}

export interface ServerCommand {
    command: string;
    args: string[];
}

/**
 * The JVM options of every server process. java.util.logging writes one line per record, `LEVEL: message`
 * (instead of a date line and a level line), so the client can show each line at its level.
 */
export const SERVER_VM_ARGS = [
    '-XX:+ExitOnOutOfMemoryError',
    '-Dfile.encoding=UTF-8',
    '-Djava.util.logging.SimpleFormatter.format=%4$s: %5$s%6$s%n',
] as const;

/** The JDWP port the server listens on when the extension host itself is being debugged. */
export const SERVER_DEBUG_PORT = 1054;

/**
 * `java <vm args> -jar <jar> lsp`; vscode-languageclient then appends `--stdio` (the server accepts it,
 * and `--clientProcessId=N`). The JVM exits on OutOfMemoryError instead of limping on, so the
 * client's restart policy sees the crash.
 */
export function buildServerCommand(javaPath: string, jar: string, options: LaunchOptions = {}): ServerCommand {
    return buildCliCommand(javaPath, jar, ['lsp'], options);
}

/**
 * @param debugPort a JDWP port to listen on
 * @param cdsDir    where this installation keeps its class-data-sharing archive (VS Code's global storage)
 */
export interface LaunchOptions {
    debugPort?: number;
    cdsDir?: string;
}

/** `java <vm args> -jar <jar> <subcommand and its arguments>`, e.g. `trust --kb DIR`. */
export function buildCliCommand(javaPath: string, jar: string, cliArgs: readonly string[], options: LaunchOptions = {}): ServerCommand {
    const args: string[] = [...SERVER_VM_ARGS];
    if (options.debugPort !== undefined) {
        args.push(`-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=${options.debugPort}`);
    }
    args.push(...cdsArgs(jar, javaPath, options.cdsDir), '-jar', jar, ...cliArgs);
    return { command: javaPath, args };
}

/**
 * The class-data-sharing archive to start with ({@link archiveFor}: this installation's, trained in
 * `cdsDir`, else the build's beside the jar), when there is one: the server then maps the classes it
 * needs instead of loading them again. The JVM ignores an archive made for another jar path or JDK;
 * its warning is switched off, because the language server's stdout carries the protocol.
 */
export function cdsArgs(jar: string, javaPath = 'java', cdsDir?: string): string[] {
    const archive = archiveFor(jar, javaPath, cdsDir);
    return archive !== undefined ? [`-XX:SharedArchiveFile=${archive}`, '-Xlog:cds=off', '-Xlog:cds+dynamic=off'] : [];
}

/**
 * The server's environment: this process's, with `LLM_API_KEY` set to the key from VS Code's secret
 * storage, or removed when LLM calls are off (a restricted workspace). Undefined `key` and
 * `llmAllowed` leave a key the user exported in their shell in place.
 */
export function serverEnvironment(base: NodeJS.ProcessEnv, key: string | undefined, llmAllowed: boolean): NodeJS.ProcessEnv {
    const env = { ...base };
    if (!llmAllowed) {
        delete env[LLM_KEY_VARIABLE];
    } else if (key !== undefined && key.length > 0) {
        env[LLM_KEY_VARIABLE] = key;
    }
    return env;
}

/** The variable the server reads the API key from (docs: README "Using an LLM"). */
export const LLM_KEY_VARIABLE = 'LLM_API_KEY';
