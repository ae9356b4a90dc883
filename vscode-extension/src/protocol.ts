/**
 * The OpenKB language server's custom protocol, as the client sees it: method names and the shapes of
 * params and results. Plain types only (no `vscode` import) so the end-to-end test can drive the real
 * server with exactly these definitions.
 */

export const Method = {
    add: 'openkb/add',
    recover: 'openkb/recover',
    lint: 'openkb/lint',
    remove: 'openkb/remove',
    init: 'openkb/init',
    status: 'openkb/status',
    documents: 'openkb/documents',
    recompile: 'openkb/recompile',
    fileProgress: 'openkb/fileProgress',
    query: 'openkb/query',
} as const;

/** The server-side command ids the server advertises through `executeCommandProvider`. */
export const SERVER_COMMANDS = [
    'openkb.add', 'openkb.recover', 'openkb.lint', 'openkb.remove', 'openkb.init', 'openkb.renamePage', 'openkb.fixLinks',
    'openkb.recompile',
] as const;

/** Per-file stages in the order the server moves a file through them. */
export const FILE_STAGES = ['queued', 'hashing', 'converting', 'prepared', 'committing', 'done'] as const;
export type FileStage = (typeof FILE_STAGES)[number];

export type FileStatus = 'added' | 'skipped' | 'failed' | 'cancelled';

export type ProgressToken = number | string;

export interface AddParams {
    uris: string[];
    kb?: string;
    jobs?: number;
    workDoneToken?: ProgressToken;
}

export interface AddFileResult {
    uri: string;
    docName?: string;
    status: FileStatus;
    reason?: string;
}

export interface AddResult {
    added: number;
    skipped: number;
    failed: number;
    cancelled: number;
    files: AddFileResult[];
    /** Files of a folder whose type no converter reads. */
    unsupported: number;
    /** The server's summary line, the same the CLI prints: "9 added, 1 unsupported". */
    summary: string;
}

export interface FileProgressParams {
    uri: string;
    docName?: string;
    /** 1-based position of the file in this add. */
    index: number;
    total: number;
    stage: FileStage;
    status?: FileStatus;
    reason?: string;
    /** The whole add's progress after this event, 0–100, never going backwards (the server computes it). */
    percent: number;
    /** The server's progress line: "3/20 converting report.pdf". */
    message: string;
    /** The server's summary of the files finished so far: "2 added, 1 skipped". */
    summary: string;
}

export interface RolledBackJournal {
    journal: string;
    operation: string;
    details: unknown;
}

export interface RecoverResult {
    rolledBack: RolledBackJournal[];
    discarded: number;
    stagingReclaimed: number;
    gaveUp: unknown[];
    errors: unknown[];
    /** Journals set aside this run without acting on them, as "<name>: <reason>" (absent from older servers). */
    quarantined?: string[];
}

export interface Position {
    line: number;
    character: number;
}

export interface LintFinding {
    code: string;
    severity: string | number;
    path: string;
    range: { start: Position; end: Position };
    message: string;
    data?: unknown;
}

export interface LintResult {
    findings: LintFinding[];
    counts: Record<string, number>;
}

export interface RemoveParams {
    uri?: string;
    docName?: string;
    dryRun?: boolean;
    /** Not in the server's issue: the KB folder, so a workspace with several KBs is unambiguous. */
    kb?: string;
}

export interface RemoveAction {
    action: 'delete' | 'modify' | 'registry' | 'pageindex';
    path: string;
}

export interface RemoveResult {
    docName: string;
    dryRun: boolean;
    actions: RemoveAction[];
}

export interface StatusResult {
    kb: string;
    documents: number;
    pages: Record<string, number>;
    pendingJournals: number;
    lastAdd?: unknown;
    /** Journals in .openkb/journal/quarantine/, as "<name>: <reason>" (absent from older servers). */
    quarantinedJournals?: string[];
}

export interface KbDocument {
    docName: string;
    name: string;
    type: string;
}

export interface RecompileResult {
    recompiled: number;
    skipped: number;
    documents: { docName: string; status: string; reason?: string }[];
}

export interface DocumentsResult {
    documents: KbDocument[];
}

export interface QueryParams {
    question: string;
    /** The KB folder's URI; may be left out when the workspace holds one KB. */
    kb?: string;
    /** Also write the answer to `wiki/explorations/<slug>.md` (a journaled change under the KB lock). */
    save?: boolean;
    /** Pages to draw on, 1..50 (the server's default: 5). */
    top?: number;
    partialResultToken?: ProgressToken;
}

/** One cited page, most relevant first. */
export interface QuerySource {
    /** The page path relative to `wiki/` without `.md`: `summaries/paper`, `concepts/attention`. */
    page: string;
    title: string;
    /** The raw file name, for summary and source pages (null for concept, entity and exploration pages). */
    doc?: string | null;
    score: number;
    snippet: string;
    /** Where the cited passage is (absent: the whole page). */
    range?: PassageRange;
}

/**
 * 0-based lines `startLine` (inclusive) to `endLine` (exclusive) of a Markdown page; for a long
 * document's per-page JSON (`sources/<doc>.json`) the PDF page `pdfPage` (1-based; 0 for Markdown).
 */
export interface PassageRange {
    startLine: number;
    endLine: number;
    pdfPage: number;
}

export interface QueryResult {
    question: string;
    /** Markdown with `[[page]]` links. */
    answer: string;
    mode: 'offline' | 'llm';
    sources: QuerySource[];
    /** With `save`: the exploration page written, relative to the KB root (`wiki/explorations/<slug>.md`). */
    saved?: string;
}

/**
 * The text of one partial result of `openkb/query` (a `$/progress` value on its `partialResultToken`):
 * `{ "chunk": "<the next piece of the answer>" }`. Anything else carries no text.
 */
export function queryChunkText(value: unknown): string {
    const chunk = (value as { chunk?: unknown } | null | undefined)?.chunk;
    return typeof chunk === 'string' ? chunk : '';
}

/** JSON-RPC / LSP error codes the client reacts to. */
export const ErrorCode = {
    invalidParams: -32602,
    requestCancelled: -32800,
} as const;
