import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import {
    buildCliCommand,
    buildServerCommand,
    findJava,
    locateServerJar,
    parseJavaMajorVersion,
    SERVER_VM_ARGS,
    ServerLaunchError,
    serverEnvironment,
} from '../../server/javaLauncher';
import { fakeJdk, tempDir } from '../support/harness';

describe('parseJavaMajorVersion', () => {
    const cases: Array<[string, number | undefined]> = [
        ['openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)', 17],
        ['java version "1.8.0_292"\nJava(TM) SE Runtime Environment (build 1.8.0_292-b10)', 8],
        ['openjdk version "11.0.2" 2019-01-15', 11],
        ['openjdk version "21" 2023-09-19', 21],
        ['openjdk version "25-ea" 2025-09-16', 25],
        ['Picked up JAVA_TOOL_OPTIONS: -Xmx1g\nopenjdk version "17.0.1" 2021-10-19', 17],
        ['openjdk 21.0.2 2024-01-16\nOpenJDK Runtime Environment Temurin-21.0.2+13', 21],
        ['java 9.0.4', 9],
        ['Error: could not find libjava.so', undefined],
        ['', undefined],
    ];
    for (const [output, expected] of cases) {
        test(`reads ${expected ?? 'nothing'} from ${JSON.stringify(output.split('\n')[0])}`, () => {
            assert.equal(parseJavaMajorVersion(output), expected);
        });
    }
});

function pathWithJava(versionLine: string): string {
    return path.join(fakeJdk(versionLine), 'bin');
}

describe('findJava', () => {
    test('prefers JAVA_HOME over PATH', async () => {
        const home = fakeJdk('openjdk version "21.0.1"');
        const found = await findJava({ env: { JAVA_HOME: home, PATH: pathWithJava('openjdk version "17.0.1"') } });
        assert.deepEqual(found, { javaPath: path.join(home, 'bin', 'java'), major: 21, source: 'JAVA_HOME' });
    });

    test('passes over a JAVA_HOME that is too old and takes Java 17+ from PATH', async () => {
        const bin = pathWithJava('openjdk version "17.0.15"');
        const found = await findJava({ env: { JAVA_HOME: fakeJdk('java version "1.8.0_292"'), PATH: `/nonexistent:${bin}` } });
        assert.equal(found.javaPath, path.join(bin, 'java'));
        assert.equal(found.source, 'PATH');
    });

    test('uses openkb.java.home alone when it is set, without falling back', async () => {
        const home = fakeJdk('openjdk version "11.0.2"');
        await assert.rejects(
            findJava({ javaHome: home, env: { PATH: pathWithJava('openjdk version "21"') } }),
            (e: ServerLaunchError) => /"openkb\.java\.home" points to Java 11; OpenKB needs Java 17 or newer/.test(e.message),
        );
    });

    test('names the setting when openkb.java.home has no bin/java', async () => {
        const notAJdk = tempDir();
        await assert.rejects(findJava({ javaHome: notAJdk, env: {} }), (e: ServerLaunchError) => {
            assert.match(e.message, /"openkb\.java\.home" is set to .*, but .*bin\/java does not exist/);
            assert.match(e.fix, /folder of a JDK 17 or newer/);
            return true;
        });
    });

    test('says what it found and how to fix it when no Java is 17 or newer', async () => {
        const old = fakeJdk('openjdk version "11.0.2"');
        await assert.rejects(findJava({ env: { JAVA_HOME: old, PATH: '' } }), (e: ServerLaunchError) => {
            assert.match(e.message, /needs Java 17 or newer to run its server, but only found Java 11 at .* \(JAVA_HOME\)/);
            assert.match(e.fix, /Install a JDK 17 or newer/);
            return true;
        });
    });

    test('says there is no Java at all when neither JAVA_HOME nor PATH has one', async () => {
        await assert.rejects(findJava({ env: { PATH: tempDir() } }), /found no Java \(JAVA_HOME is not set to a JDK and there is no java on PATH\)/);
    });

    test('reports a java that cannot be run instead of crashing', async () => {
        const home = fakeJdk('irrelevant');
        fs.writeFileSync(path.join(home, 'bin', 'java'), '#!/bin/sh\nexit 3\n', { mode: 0o755 });
        await assert.rejects(findJava({ env: { JAVA_HOME: home, PATH: '' } }), /could not be run/);
    });

    test('asks the real runtime of this machine through runVersion', async () => {
        let asked = '';
        const home = fakeJdk('unused');
        const found = await findJava({
            env: { JAVA_HOME: home },
            runVersion: async (java) => {
                asked = java;
                return 'openjdk version "22.0.1"';
            },
        });
        assert.equal(asked, path.join(home, 'bin', 'java'));
        assert.equal(found.major, 22);
    });
});

describe('the runtime a linux-x64 package bundles', () => {
    test('is used before JAVA_HOME and PATH', async () => {
        const bundled = fakeJdk('openjdk version "17.0.15"');
        const found = await findJava({ bundledRuntime: bundled, env: { JAVA_HOME: fakeJdk('openjdk version "21"'), PATH: '' } });
        assert.deepEqual(found, { javaPath: path.join(bundled, 'bin', 'java'), major: 17, source: 'bundled runtime' });
    });

    test('but not before openkb.java.home, which the user chose', async () => {
        const chosen = fakeJdk('openjdk version "21"');
        const found = await findJava({ javaHome: chosen, bundledRuntime: fakeJdk('openjdk version "17"'), env: {} });
        assert.equal(found.source, 'openkb.java.home');
    });

    test('gets its execute bit back when unpacking dropped it', async () => {
        const bundled = fakeJdk('openjdk version "17.0.15"');
        fs.chmodSync(path.join(bundled, 'bin', 'java'), 0o644);
        const found = await findJava({ bundledRuntime: bundled, env: { PATH: '' } });
        assert.equal(found.source, 'bundled runtime');
    });

    test('the universal package has none: JAVA_HOME as before', async () => {
        const home = fakeJdk('openjdk version "17.0.1"');
        const found = await findJava({ bundledRuntime: path.join(tempDir(), 'runtime'), env: { JAVA_HOME: home } });
        assert.equal(found.source, 'JAVA_HOME');
    });
});

describe('serverEnvironment', () => {
    test('sets LLM_API_KEY from the secret storage, keeping the rest of the environment', () => {
        assert.deepEqual(serverEnvironment({ PATH: '/bin', LLM_API_KEY: 'shell' }, 'stored', true), { PATH: '/bin', LLM_API_KEY: 'stored' });
    });

    test('without a stored key, a key exported in the shell is kept', () => {
        assert.deepEqual(serverEnvironment({ LLM_API_KEY: 'shell' }, undefined, true), { LLM_API_KEY: 'shell' });
    });

    test('with LLM calls off (Restricted Mode) there is no key at all', () => {
        assert.deepEqual(serverEnvironment({ PATH: '/bin', LLM_API_KEY: 'shell' }, 'stored', false), { PATH: '/bin' });
    });

    test('does not change the environment it was given', () => {
        const base = { LLM_API_KEY: 'shell' };
        serverEnvironment(base, 'stored', true);
        assert.deepEqual(base, { LLM_API_KEY: 'shell' });
    });
});

describe('buildServerCommand', () => {
    test('logs one line per record, LEVEL: message, so the client can keep the level', () => {
        assert.ok(buildServerCommand('java', 'x.jar').args.includes('-Djava.util.logging.SimpleFormatter.format=%4$s: %5$s%6$s%n'));
    });

    test('a CLI subcommand runs with the same VM options', () => {
        assert.deepEqual(buildCliCommand('java', 'x.jar', ['trust', '--kb', '/k']).args, [...SERVER_VM_ARGS, '-jar', 'x.jar', 'trust', '--kb', '/k']);
    });

    test('runs the jar in lsp mode and makes the JVM exit on OutOfMemoryError', () => {
        const cmd = buildServerCommand('/jdk/bin/java', '/ext/server/openkb.jar');
        assert.equal(cmd.command, '/jdk/bin/java');
        assert.ok(cmd.args.includes('-XX:+ExitOnOutOfMemoryError'));
        assert.deepEqual(cmd.args.slice(-3), ['-jar', '/ext/server/openkb.jar', 'lsp']);
    });

    test('uses the class-data-sharing archive beside the jar when there is one, silently', () => {
        const dir = tempDir('openkb-cds-');
        try {
            const jar = path.join(dir, 'openkb.jar');
            fs.writeFileSync(jar, 'jar');
            assert.deepEqual(buildServerCommand('java', jar).args, [...SERVER_VM_ARGS, '-jar', jar, 'lsp'], 'no archive: no option');
            fs.writeFileSync(path.join(dir, 'openkb.jsa'), 'archive');
            assert.deepEqual(buildServerCommand('java', jar).args, [
                ...SERVER_VM_ARGS, `-XX:SharedArchiveFile=${path.join(dir, 'openkb.jsa')}`, '-Xlog:cds=off', '-Xlog:cds+dynamic=off', '-jar', jar, 'lsp',
            ]);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    test('opens a JDWP port before -jar when debugging', () => {
        const args = buildServerCommand('java', 'x.jar', { debugPort: 1054 }).args;
        const jdwp = args.findIndex((a) => a.startsWith('-agentlib:jdwp=') && a.endsWith('address=1054'));
        assert.ok(jdwp >= 0 && jdwp < args.indexOf('-jar'));
    });
});

describe('locateServerJar', () => {
    test('finds the jar bundled in the extension', () => {
        const ext = tempDir();
        fs.mkdirSync(path.join(ext, 'server'));
        fs.writeFileSync(path.join(ext, 'server', 'openkb.jar'), '');
        assert.equal(locateServerJar('', ext), path.join(ext, 'server', 'openkb.jar'));
    });

    test('tells to fix the override when openkb.server.jar points nowhere', () => {
        assert.throws(
            () => locateServerJar('/no/such/openkb.jar', tempDir()),
            (e: ServerLaunchError) => e.message.includes('/no/such/openkb.jar') && e.fix.includes('"openkb.server.jar"'),
        );
    });
});
