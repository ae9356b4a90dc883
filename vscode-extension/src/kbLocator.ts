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
