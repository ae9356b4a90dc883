/**
 * Ids of the commands this extension contributes. They differ from the server's `openkb.add`,
 * `openkb.lint`, ... on purpose: vscode-languageclient registers every command the server advertises in
 * `executeCommandProvider` under its own id, and registering the same id twice fails.
 */
export const CommandId = {
    add: 'openkb.addToKnowledgeBase',
    recover: 'openkb.recoverKnowledgeBase',
    lint: 'openkb.lintKnowledgeBase',
    init: 'openkb.initKnowledgeBase',
    remove: 'openkb.removeDocument',
    showOutput: 'openkb.showServerOutput',
} as const;

/** Context key, true while the workspace holds a KB; the "Add" menus are shown only then. */
export const HAS_KB_CONTEXT = 'openkb.hasKb';
