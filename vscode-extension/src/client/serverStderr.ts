/**
 * The level of each line the server writes to stderr. vscode-languageclient logs every stderr line as
 * `[error]`, but the server's stderr is java.util.logging's SimpleFormatter output: a header line
 * ("Dec 07, 2026 5:39:34 PM dev.openkb.lsp.Outbox log") and then "INFO: message" (continuation lines,
 * e.g. a stack trace, follow). Ordinary INFO logging must not read as errors in the Output channel.
 * No `vscode` import, so the unit tests check it directly.
 */

export type LineLevel = 'error' | 'warn' | 'info' | 'debug' | 'trace';

const JUL_LEVELS: Record<string, LineLevel> = {
    SEVERE: 'error',
    WARNING: 'warn',
    INFO: 'info',
    CONFIG: 'debug',
    FINE: 'debug',
    FINER: 'trace',
    FINEST: 'trace',
};

/** SimpleFormatter's first line: date, time, source class and method. */
const HEADER = /^[A-Z][a-z]{2} \d{1,2}, \d{4},? \d{1,2}:\d{2}:\d{2}(?:\s?[AP]M)? \S+ \S+$/;
const LEVEL = /^(SEVERE|WARNING|INFO|CONFIG|FINE|FINER|FINEST): /;

/**
 * Classifies the stderr lines of one server process, in order. A line outside any log record (e.g. the
 * JVM's own "Exception in thread ..." or an OutOfMemoryError) stays an error. Confined to the thread
 * that reads the stream.
 */
export class ServerStderrLevels {
    /** The level of the record being continued, undefined outside a record. */
    private record: LineLevel | undefined;

    level(line: string): LineLevel {
        if (HEADER.test(line)) {
            this.record = undefined;
            return 'trace';
        }
        const level = LEVEL.exec(line);
        if (level !== null) {
            this.record = JUL_LEVELS[level[1]];
            return this.record;
        }
        return this.record ?? 'error';
    }
}
