/**
 * The extension's settings (section `openkb` of package.json `contributes.configuration`), read through a
 * getter so this module needs no `vscode` import and is testable as plain data.
 */

export const CONFIG_SECTION = 'openkb';

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Keys below `openkb.` that this code reads; a unit test checks each one is contributed. */
export const SettingKey = {
    javaHome: 'java.home',
    serverJar: 'server.jar',
    logLevel: 'server.logLevel',
    jobs: 'add.jobs',
    llmModel: 'llm.model',
    llmBaseUrl: 'llm.baseUrl',
    watch: 'watch',
} as const;

/** The model of a KB that compiles without network or key. */
export const OFFLINE_MODEL = 'offline';

export interface OpenKbSettings {
    /** JDK folder; empty means JAVA_HOME, then PATH. */
    javaHome: string;
    /** Server jar override; empty means the jar bundled in the extension. */
    serverJar: string;
    logLevel: LogLevel;
    /** Parallel conversions per add; 0 lets the server choose. */
    jobs: number;
    /** Model of a KB created from VS Code; `offline` when unset. */
    llmModel: string;
    /** Endpoint of a KB created from VS Code; empty for the provider's own. */
    llmBaseUrl: string;
    /** The server watches each KB's raw/ and adds what lands there (off unless literally true). */
    watch: boolean;
}

function stringSetting(value: unknown): string {
    return typeof value === 'string' ? value.trim() : '';
}

export function readSettings(get: (key: string) => unknown): OpenKbSettings {
    const level = get(SettingKey.logLevel);
    const jobs = get(SettingKey.jobs);
    return {
        javaHome: stringSetting(get(SettingKey.javaHome)),
        serverJar: stringSetting(get(SettingKey.serverJar)),
        logLevel: LOG_LEVELS.includes(level as LogLevel) ? (level as LogLevel) : 'info',
        jobs: typeof jobs === 'number' && Number.isInteger(jobs) && jobs > 0 ? jobs : 0,
        llmModel: stringSetting(get(SettingKey.llmModel)) || OFFLINE_MODEL,
        llmBaseUrl: stringSetting(get(SettingKey.llmBaseUrl)),
        watch: get(SettingKey.watch) === true,
    };
}

/**
 * The settings as the server receives them in `initializationOptions.settings`: the same shape as the
 * `workspace/didChangeConfiguration` payload for section `openkb`, so the server has one settings path.
 */
export function toServerSettings(s: OpenKbSettings): { openkb: Record<string, unknown> } {
    return {
        openkb: {
            java: { home: s.javaHome },
            server: { jar: s.serverJar, logLevel: s.logLevel },
            add: { jobs: s.jobs },
            llm: { model: s.llmModel, baseUrl: s.llmBaseUrl },
            watch: s.watch,
        },
    };
}
