import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { ChildProcess } from 'node:child_process';
import { archiveFor, installedArchivePath, trainArchive, trainingArgs, Spawner } from '../../server/cdsArchive';
import { cdsArgs } from '../../server/javaLauncher';
import { tempDir } from '../support/harness';

/** A training run that, like the JVM, writes the archive named by -XX:ArchiveClassesAtExit (or not) and exits. */
function fakeJvm(calls: string[][], options: { writes: boolean; code: number | null }): Spawner {
    return (_command, args) => {
        calls.push([...args]);
        const child = new EventEmitter() as ChildProcess;
        setImmediate(() => {
            const out = args.find((a) => a.startsWith('-XX:ArchiveClassesAtExit='))!.split('=')[1];
            if (options.writes) {
                fs.writeFileSync(out, 'archive');
            }
            child.emit('exit', options.code);
        });
        return child;
    };
}

function installedJar(): { jar: string; storage: string } {
    const dir = tempDir();
    const jar = path.join(dir, 'ext', 'server', 'openkb.jar');
    fs.mkdirSync(path.dirname(jar), { recursive: true });
    fs.writeFileSync(jar, 'jar');
    return { jar, storage: path.join(dir, 'globalStorage') };
}

describe('the class-data-sharing archive of an installed server', () => {
    test('is trained once in global storage by the build\'s own training run, then used by every start', async () => {
        const { jar, storage } = installedJar();
        const calls: string[][] = [];
        assert.deepEqual(cdsArgs(jar, '/jdk/bin/java', storage), [], 'nothing to map before the first training');

        assert.equal(await trainArchive('/jdk/bin/java', jar, storage, fakeJvm(calls, { writes: true, code: 0 })), 'made');
        const archive = installedArchivePath(storage, '/jdk/bin/java', jar)!;
        assert.equal(fs.readFileSync(archive, 'utf8'), 'archive');
        assert.equal(calls.length, 1);
        assert.deepEqual(calls[0].slice(1), trainingArgs('x', jar).slice(1));
        assert.deepEqual(fs.readdirSync(path.dirname(archive)), [path.basename(archive)], 'no temporary file left');
        assert.deepEqual(cdsArgs(jar, '/jdk/bin/java', storage), [`-XX:SharedArchiveFile=${archive}`, '-Xlog:cds=off', '-Xlog:cds+dynamic=off']);

        assert.equal(await trainArchive('/jdk/bin/java', jar, storage, fakeJvm(calls, { writes: true, code: 0 })), 'exists');
        assert.equal(calls.length, 1, 'not trained again');
    });

    test('belongs to one jar build and one Java: a new jar or another Java trains anew', async () => {
        const { jar, storage } = installedJar();
        await trainArchive('/jdk/bin/java', jar, storage, fakeJvm([], { writes: true, code: 0 }));
        assert.equal(archiveFor(jar, '/other-jdk/bin/java', storage), undefined);
        fs.writeFileSync(jar, 'a newer jar');
        assert.equal(archiveFor(jar, '/jdk/bin/java', storage), undefined);
    });

    test('a Java that ends the run without writing one is remembered and not asked again', async () => {
        const { jar, storage } = installedJar();
        const calls: string[][] = [];
        assert.equal(await trainArchive('/jdk/bin/java', jar, storage, fakeJvm(calls, { writes: false, code: 0 })), 'failed');
        assert.equal(await trainArchive('/jdk/bin/java', jar, storage, fakeJvm(calls, { writes: true, code: 0 })), 'failed');
        assert.equal(calls.length, 1);
        assert.equal(archiveFor(jar, '/jdk/bin/java', storage), undefined);
    });

    test('a run that was killed leaves no archive, no temporary file, and is retried at the next start', async () => {
        const { jar, storage } = installedJar();
        const calls: string[][] = [];
        assert.equal(await trainArchive('/jdk/bin/java', jar, storage, fakeJvm(calls, { writes: true, code: null })), 'failed');
        assert.deepEqual(fs.readdirSync(path.join(storage, 'cds')), []);
        assert.equal(await trainArchive('/jdk/bin/java', jar, storage, fakeJvm(calls, { writes: true, code: 0 })), 'made');
        assert.equal(calls.length, 2);
    });

    test('two windows training at once each write their own temporary file; one archive results', async () => {
        const { jar, storage } = installedJar();
        const calls: string[][] = [];
        const outcomes = await Promise.all([
            trainArchive('/jdk/bin/java', jar, storage, fakeJvm(calls, { writes: true, code: 0 })),
            trainArchive('/jdk/bin/java', jar, storage, fakeJvm(calls, { writes: true, code: 0 })),
        ]);
        assert.deepEqual(outcomes, ['made', 'made']);
        assert.notEqual(calls[0][0], calls[1][0], 'distinct temporary names');
        assert.equal(fs.readdirSync(path.join(storage, 'cds')).length, 1);
    });

    test('a development build\'s archive beside the jar is used until this installation has its own', () => {
        const { jar, storage } = installedJar();
        fs.writeFileSync(jar.replace(/\.jar$/, '.jsa'), 'built');
        assert.equal(archiveFor(jar, '/jdk/bin/java', storage), jar.replace(/\.jar$/, '.jsa'));
    });
});
