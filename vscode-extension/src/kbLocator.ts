/**
 * Which knowledge base a command acts on. Pure functions over file-system paths; the workspace scan that
 * feeds them lives in kbWorkspace.ts.
 */
import * as path from 'node:path';

/** The KB marker the extension activates on and scans for. */
export const KB_CONFIG_GLOB = '**/.openkb/config.yaml';

/** `<kb>/.openkb/config.yaml` → `<kb>`. */
export function kbRootOfConfig(configPath: string): string {
    return path.dirname(path.dirname(configPath));
}

function isInside(root: string, p: string): boolean {
    const rel = path.relative(root, p);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The innermost KB root that contains `p`, if any. */
export function kbContaining(kbRoots: readonly string[], p: string): string | undefined {
    return kbRoots.filter((root) => isInside(root, p)).sort((a, b) => b.length - a.length)[0];
}

/**
 * The KB for an operation on `targets`: the KB that holds them all, else the only KB in the workspace.
 * Undefined when the user has to choose (several KBs, targets outside them or spread over several).
 */
export function chooseKb(kbRoots: readonly string[], targets: readonly string[]): string | undefined {
    const holders = new Set(targets.map((t) => kbContaining(kbRoots, t)));
    if (targets.length > 0 && holders.size === 1) {
        const only = [...holders][0];
        if (only !== undefined) {
            return only;
        }
    }
    return kbRoots.length === 1 ? kbRoots[0] : undefined;
}

/** A KB's own folders: its state, the copies of its documents, and the wiki it writes. */
export const KB_OWN_FOLDERS = ['.openkb', 'raw', 'wiki'] as const;

/**
 * What an add into `kb` may take from `targets`. A KB's own folders are never documents: a target
 * inside `.openkb/`, `raw/` or `wiki/` of the KB is left out, and a folder that holds the KB (the KB
 * root itself, e.g. the workspace folder the KB was just created in) is replaced by its entries
 * (hidden ones excluded, as the server excludes them) minus those folders. Otherwise the wiki's own
 * pages would come back as new documents. `list` reads a folder.
 */
export function addableTargets(kb: string, targets: readonly string[], list: (dir: string) => string[]): { kept: string[]; leftOut: string[] } {
    const own = KB_OWN_FOLDERS.map((f) => path.join(kb, f));
    const kept: string[] = [];
    const leftOut: string[] = [];
    const visit = (target: string, expanded: boolean): void => {
        if (own.some((folder) => isInside(folder, target))) {
            if (!expanded) {
                leftOut.push(target);
            }
            return;
        }
        if (!isInside(target, kb)) {
            kept.push(target);
            return;
        }
        for (const name of list(target)) {
            if (!name.startsWith('.')) {
                visit(path.join(target, name), true);
            }
        }
    };
    targets.forEach((t) => visit(t, false));
    return { kept, leftOut };
}
