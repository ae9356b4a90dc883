import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSettings, SettingKey, toServerSettings } from '../../settings';

const from = (values: Record<string, unknown>) => readSettings((key) => values[key]);

const defaults = { javaHome: '', serverJar: '', logLevel: 'info', jobs: 0, llmModel: 'offline', llmBaseUrl: '', watch: false };

test('unset settings mean: JAVA_HOME/PATH, the bundled jar, info logging, jobs chosen by the server, offline KBs', () => {
    assert.deepEqual(from({}), defaults);
});

test('the model and endpoint for new KBs are read and trimmed; an empty model means offline', () => {
    const s = from({ [SettingKey.llmModel]: ' gpt-5.4 ', [SettingKey.llmBaseUrl]: ' http://localhost:11434/v1 ' });
    assert.equal(s.llmModel, 'gpt-5.4');
    assert.equal(s.llmBaseUrl, 'http://localhost:11434/v1');
    assert.equal(from({ [SettingKey.llmModel]: '  ' }).llmModel, 'offline');
});

test('settings are read and trimmed', () => {
    const s = from({ [SettingKey.javaHome]: ' /jdk ', [SettingKey.serverJar]: '/s.jar', [SettingKey.logLevel]: 'debug', [SettingKey.jobs]: 4 });
    assert.deepEqual(s, { ...defaults, javaHome: '/jdk', serverJar: '/s.jar', logLevel: 'debug', jobs: 4 });
});

test('invalid values fall back to the defaults', () => {
    assert.deepEqual(from({ [SettingKey.logLevel]: 'loud', [SettingKey.jobs]: -2, [SettingKey.javaHome]: 17, [SettingKey.llmModel]: 4 }), defaults);
    assert.equal(from({ [SettingKey.jobs]: 2.5 }).jobs, 0);
});

test('the server gets the settings in the shape of didChangeConfiguration for section openkb', () => {
    assert.deepEqual(toServerSettings({ ...defaults, javaHome: '/jdk', logLevel: 'warn', jobs: 3 }), {
        openkb: { java: { home: '/jdk' }, server: { jar: '', logLevel: 'warn' }, add: { jobs: 3 }, llm: { model: 'offline', baseUrl: '' }, watch: false },
    });
});

test('watch is on only when the setting is literally true, and reaches the server as openkb.watch', () => {
    assert.equal(from({ [SettingKey.watch]: true }).watch, true);
    assert.equal(from({ [SettingKey.watch]: 'true' }).watch, false);
    assert.equal(toServerSettings({ ...defaults, logLevel: 'info', watch: true }).openkb.watch, true);
});
