import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, test } from 'node:test';
import { forwardServerLog, LevelledLog, ServerLogClassifier, ServerLogForwarder } from '../../server/serverLog';

/** A log that records `level: text` lines. */
function recordingLog(): LevelledLog & { lines: string[] } {
    const lines: string[] = [];
    const at = (level: string) => (text: string) => lines.push(`${level}: ${text}`);
    return { lines, error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug'), trace: at('trace') };
}

describe('the server\'s stderr in the output channel', () => {
    test('each java.util.logging record keeps its level: ordinary INFO is not an [error]', () => {
        const c = new ServerLogClassifier();
        assert.deepEqual(c.classify('INFO: OpenKB: recovering /w/kb'), { level: 'info', text: 'OpenKB: recovering /w/kb' });
        assert.deepEqual(c.classify('WARNING: KB lock held by pid 42'), { level: 'warn', text: 'KB lock held by pid 42' });
        assert.deepEqual(c.classify('SEVERE: add failed'), { level: 'error', text: 'add failed' });
        assert.deepEqual(c.classify('CONFIG: x'), { level: 'info', text: 'x' });
        assert.deepEqual(c.classify('FINE: y'), { level: 'debug', text: 'y' });
        assert.deepEqual(c.classify('FINEST: z'), { level: 'trace', text: 'z' });
    });

    test('a stack trace continues the record it belongs to', () => {
        const c = new ServerLogClassifier();
        c.classify('WARNING: rule broken-link failed');
        assert.equal(c.classify('java.io.IOException: denied').level, 'warn');
        assert.equal(c.classify('\tat dev.openkb.lint.Rule.check(Rule.java:10)').level, 'warn');
        c.classify('INFO: next');
        assert.equal(c.classify('  more of the message').level, 'info');
    });

    test('what the JVM or the command line parser prints before any record is an error', () => {
        assert.equal(new ServerLogClassifier().classify('Error: Unable to access jarfile /x/openkb.jar').level, 'error');
        assert.equal(new ServerLogClassifier().classify("Unknown option: '--stdio'").level, 'error');
    });

    test('chunks are split into whole lines, blank lines dropped, the last line flushed at the end', () => {
        const log = recordingLog();
        const f = new ServerLogForwarder(log);
        f.write('INFO: one\r\nWARN');
        f.write('ING: two\n\nSEVERE: thr');
        assert.deepEqual(log.lines, ['info: one', 'warn: two']);
        f.end();
        assert.deepEqual(log.lines, ['info: one', 'warn: two', 'error: thr']);
    });

    test('a stream is forwarded until it ends', async () => {
        const log = recordingLog();
        const stream = new PassThrough();
        forwardServerLog(stream, log);
        const ended = new Promise((resolve) => stream.on('end', resolve));
        stream.end('INFO: started\nFINE: detail');
        await ended;
        assert.deepEqual(log.lines, ['info: started', 'debug: detail']);
    });
});
