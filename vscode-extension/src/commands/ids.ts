/**
 * Ids of the commands this extension contributes. They differ from the server's `openkb.add`,
 * `openkb.lint`, ... on purpose: vscode-languageclient registers every command the server advertises in
 * `executeCommandProvider` under its own id, and registering the same id twice fails.
 */
export const CommandId = {
    add: 'openkb.addToKnowledgeBase',
    /** "Add URL…": asks for an http(s) URL, which the server downloads into private staging and adds. */
    addUrl: 'openkb.addUrl',
    recover: 'openkb.recoverKnowledgeBase',
    lint: 'openkb.lintKnowledgeBase',
    /** In the palette: "Initialize Knowledge Base". */
    init: 'openkb.initKnowledgeBase',
    /** On folders in the explorer: "Initialize Knowledge Base Here" (hidden from the palette). */
    initHere: 'openkb.initKnowledgeBaseHere',
    remove: 'openkb.removeDocument',
    setApiKey: 'openkb.setApiKey',
    showOutput: 'openkb.showServerOutput',
    showGraph: 'openkb.showGraph',
    /** The server's backlinks lens command (client-side: the server does not advertise it). */
    showBacklinks: 'openkb.showBacklinks',
    /** On a document of the Documents view (hidden from the palette). */
    recompileDocument: 'openkb.recompileDocument',
    /** "Ask…": palette, and the editor's context menu with the selection as the question. */
    ask: 'openkb.ask',
} as const;

/** Context key, true while the workspace holds a KB; Recover, Lint and Remove are in the palette only then. */
export const HAS_KB_CONTEXT = 'openkb.hasKb';

/** The key of the LLM API key in VS Code's SecretStorage (never in settings.json or the KB). */
export const API_KEY_SECRET = 'openkb.llmApiKey';
