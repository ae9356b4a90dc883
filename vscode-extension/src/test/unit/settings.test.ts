import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSettings, SettingKey, toServerSettings } from '../../settings';

const from = (values: Record<string, unknown>) => readSettings((key) => values[key]);

test('unset settings mean: JAVA_HOME/PATH, the bundled jar, info logging, jobs chosen by the server', () => {
    assert.deepEqual(from({}), { javaHome: '', serverJar: '', logLevel: 'info', jobs: 0 });
});

test('settings are read and trimmed', () => {
    const s = from({ [SettingKey.javaHome]: ' /jdk ', [SettingKey.serverJar]: '/s.jar', [SettingKey.logLevel]: 'debug', [SettingKey.jobs]: 4 });
    assert.deepEqual(s, { javaHome: '/jdk', serverJar: '/s.jar', logLevel: 'debug', jobs: 4 });
});

test('invalid values fall back to the defaults', () => {
    assert.deepEqual(from({ [SettingKey.logLevel]: 'loud', [SettingKey.jobs]: -2, [SettingKey.javaHome]: 17 }), {
        javaHome: '',
        serverJar: '',
        logLevel: 'info',
        jobs: 0,
    });
    assert.equal(from({ [SettingKey.jobs]: 2.5 }).jobs, 0);
});

test('the server gets the settings in the shape of didChangeConfiguration for section openkb', () => {
    assert.deepEqual(toServerSettings({ javaHome: '/jdk', serverJar: '', logLevel: 'warn', jobs: 3 }), {
        openkb: { java: { home: '/jdk' }, server: { jar: '', logLevel: 'warn' }, add: { jobs: 3 } },
    });
});
