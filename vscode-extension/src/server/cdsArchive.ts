import * as cp from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * A class-data-sharing archive for the installed server. The build's archive (`openkb.jsa` beside the
 * jar) is only valid for the jar at the path it was built at, so inside an installed .vsix the JVM
 * ignores it. This installation therefore trains its own, once per jar build and Java, in VS Code's
 * global storage: a background `java -XX:ArchiveClassesAtExit=… dev.openkb.cli.CdsTraining` (the
 * build's own training run) after the server has started, written under a unique temporary name and
 * renamed into place only when it finished, so two windows training at once cannot leave a torn
 * archive. A JVM that cannot dump one (no base archive in a trimmed runtime) leaves a `.failed`
 * marker, so it is not retried at every start. Stateless; the files are derived and safe to delete.
 */

/** This installation's archive path for `jar` run by `javaPath`: keyed by both, and by the jar's size and mtime. */
export function installedArchivePath(dir: string, javaPath: string, jar: string): string | undefined {
    try {
        const st = fs.statSync(jar);
        const key = crypto
            .createHash('sha256')
            .update(`${javaPath}\0${path.resolve(jar)}\0${st.size}\0${st.mtimeMs}`)
            .digest('hex')
            .slice(0, 16);
        return path.join(dir, 'cds', `openkb-${key}.jsa`);
    } catch {
        return undefined;
    }
}

/** The archive to start with: this installation's when trained, else the build's beside the jar, else none. */
export function archiveFor(jar: string, javaPath: string, dir: string | undefined): string | undefined {
    if (dir !== undefined) {
        const installed = installedArchivePath(dir, javaPath, jar);
        if (installed !== undefined && fs.existsSync(installed)) {
            return installed;
        }
    }
    const beside = jar.replace(/\.jar$/i, '') + '.jsa';
    return beside !== jar && fs.existsSync(beside) ? beside : undefined;
}

export type TrainingOutcome = 'exists' | 'made' | 'failed' | 'unavailable';

/** How a training run is started; tests pass a fake. */
export type Spawner = (command: string, args: readonly string[]) => cp.ChildProcess;

const defaultSpawner: Spawner = (command, args) => cp.spawn(command, [...args], { stdio: 'ignore' });

/**
 * Trains this installation's archive when it has none (and no earlier attempt failed with this Java):
 * resolves when the run ended. Never rejects; the server runs the same without an archive.
 */
export function trainArchive(javaPath: string, jar: string, dir: string, spawn: Spawner = defaultSpawner): Promise<TrainingOutcome> {
    const archive = installedArchivePath(dir, javaPath, jar);
    if (archive === undefined) {
        return Promise.resolve('unavailable');
    }
    if (fs.existsSync(archive)) {
        return Promise.resolve('exists');
    }
    if (fs.existsSync(`${archive}.failed`)) {
        return Promise.resolve('failed');
    }
    const tmp = `${archive}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`;
    return new Promise((resolve) => {
        // Remembered only when this Java ran the training to its end and still wrote no archive (it
        // cannot dump one); a run that was killed (VS Code closing) or could not start is retried.
        const fail = (remember: boolean): void => {
            fs.rmSync(tmp, { force: true });
            if (remember) {
                try {
                    fs.writeFileSync(`${archive}.failed`, '');
                } catch {
                    // nothing to remember it in: the next start tries again
                }
            }
            resolve('failed');
        };
        let child: cp.ChildProcess;
        try {
            fs.mkdirSync(path.dirname(archive), { recursive: true });
            child = spawn(javaPath, trainingArgs(tmp, jar));
        } catch {
            fail(false);
            return;
        }
        if (child.pid !== undefined) {
            try {
                os.setPriority(child.pid, 19); // background work: never compete with the editor or the server
            } catch {
                // not permitted here: it runs at normal priority
            }
        }
        child.on('error', () => fail(false));
        child.on('exit', (code) => {
            try {
                if (code === 0 && fs.statSync(tmp).size > 0) {
                    fs.renameSync(tmp, archive);
                    resolve('made');
                    return;
                }
            } catch {
                // no archive was written
            }
            fail(code === 0);
        });
    });
}

/** The training run's command line (as the build's, into `out`). */
export function trainingArgs(out: string, jar: string): string[] {
    return [`-XX:ArchiveClassesAtExit=${out}`, '-Xlog:cds=off', '-Xlog:cds+dynamic=off', '-cp', jar, 'dev.openkb.cli.CdsTraining'];
}
