/**
 * The server's stderr, line by line, at the level each line was logged at. The server logs with
 * java.util.logging, one record per line as `LEVEL: message` (the format is set on its command line,
 * see SERVER_VM_ARGS); a stack trace continues the record before it. vscode-languageclient's default
 * shows every stderr line as [error], which made ordinary INFO lines look like failures.
 * No `vscode` import: the channel is anything with the four level methods.
 */

export type LogLevelName = 'error' | 'warn' | 'info' | 'debug' | 'trace';

export interface LevelledLog {
    error(message: string): void;
    warn(message: string): void;
    info(message: string): void;
    debug(message: string): void;
    trace(message: string): void;
}

/** java.util.logging level names (English) → the output channel's levels. */
const JUL_LEVELS: Record<string, LogLevelName> = {
    SEVERE: 'error',
    WARNING: 'warn',
    INFO: 'info',
    CONFIG: 'info',
    FINE: 'debug',
    FINER: 'trace',
    FINEST: 'trace',
};

const RECORD = /^(SEVERE|WARNING|INFO|CONFIG|FINE|FINER|FINEST): ?(.*)$/;

/**
 * Classifies stderr lines. One instance per server process (a record's continuation lines depend on
 * the line before); used on the extension host thread only.
 */
export class ServerLogClassifier {
    /** Level of the newest record; undefined before the first one. */
    private current: LogLevelName | undefined;

    /**
     * The level and text of one stderr line. A line that is not a record continues the one before (a
     * stack trace, a multi-line message); before any record it is an error: the JVM and the command
     * line parser print their failures that way ("Error: Unable to access jarfile ...").
     */
    classify(line: string): { level: LogLevelName; text: string } {
        const record = RECORD.exec(line);
        if (record !== null) {
            this.current = JUL_LEVELS[record[1]];
            return { level: this.current, text: record[2] };
        }
        return { level: this.current ?? 'error', text: line };
    }
}

/** Writes `chunks` of stderr text to `log`, a whole line at a time, each at its level. */
export class ServerLogForwarder {
    private readonly classifier = new ServerLogClassifier();
    private pending = '';

    constructor(private readonly log: LevelledLog) {}

    write(chunk: string): void {
        const lines = (this.pending + chunk).split(/\r?\n/);
        this.pending = lines.pop() ?? '';
        lines.forEach((line) => this.emit(line));
    }

    /** The last line when the stream ends without a newline. */
    end(): void {
        if (this.pending.length > 0) {
            this.emit(this.pending);
            this.pending = '';
        }
    }

    private emit(line: string): void {
        if (line.trim().length === 0) {
            return;
        }
        const { level, text } = this.classifier.classify(line);
        this.log[level](text);
    }
}

/** Hooks a process's stderr stream to `log` (for vscode-languageclient's `stdioOptions.stderr`). */
export function forwardServerLog(input: NodeJS.ReadableStream, log: LevelledLog): void {
    const forwarder = new ServerLogForwarder(log);
    input.setEncoding('utf8');
    input.on('data', (chunk: string) => forwarder.write(chunk));
    input.on('end', () => forwarder.end());
}
