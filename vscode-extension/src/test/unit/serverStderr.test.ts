import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ServerStderrLevels } from '../../client/serverStderr';

const levelsOf = (lines: string[]): string[] => {
    const levels = new ServerStderrLevels();
    return lines.map((l) => levels.level(l));
};

describe('the level of a server stderr line in the Output channel', () => {
    test('an INFO record of java.util.logging is info, its header line trace (not [error])', () => {
        assert.deepEqual(
            levelsOf(['Dec 07, 2026 5:39:34 PM dev.openkb.lsp.Outbox log', 'INFO: OpenKB: recovering /kb']),
            ['trace', 'info'],
        );
    });

    test('WARNING and SEVERE records keep their level, and so does a stack trace that follows them', () => {
        assert.deepEqual(
            levelsOf([
                'Dec 07, 2026 5:39:34 PM dev.openkb.lsp.Outbox lambda$send$0',
                'WARNING: cannot send a message to the client',
                'java.io.IOException: Broken pipe',
                '\tat java.base/sun.nio.ch.FileDispatcherImpl.write0(Native Method)',
                'Dec 07, 2026 5:39:35 PM dev.openkb.lsp.OpenKbServer recover',
                'SEVERE: recovery failed',
            ]),
            ['trace', 'warn', 'warn', 'warn', 'trace', 'error'],
        );
    });

    test('FINE is debug, FINER and FINEST trace', () => {
        assert.deepEqual(levelsOf(['FINE: a', 'FINER: b', 'FINEST: c', 'CONFIG: d']), ['debug', 'trace', 'trace', 'debug']);
    });

    test('a line outside any log record, such as the JVM dying, stays an error', () => {
        assert.deepEqual(levelsOf(['Terminating due to java.lang.OutOfMemoryError: Java heap space']), ['error']);
        assert.deepEqual(levelsOf(['Dec 07, 2026 5:39:34 PM x y', 'Exception in thread "main" java.lang.Error']), ['trace', 'error']);
    });
});
