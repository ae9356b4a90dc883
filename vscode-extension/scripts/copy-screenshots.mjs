// `npm run screenshots`: copies the chosen screenshots of the last real-editor run (`npm run test:vscode`,
// test-vscode/artifacts/) to images/, under stable names the README links to. Fails, naming the file,
// when a chosen screenshot is missing (the run failed or a step was renamed), so images/ never mixes runs.
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = process.env.OPENKB_VSCODE_ARTIFACTS || join(root, 'test-vscode', 'artifacts');

/** images/<name> ← artifacts/<flow>/NN-<step>.png (the step number is left out: steps may be renumbered). */
const CHOSEN = {
    'palette-initialize.png': ['1-init-add', 'palette-offers-initialize'],
    'explorer-add.png': ['1-init-add', 'context-menu-add-to-knowledge-base'],
    'add-progress.png': ['2-cancel', 'add-in-progress'],
    'add-cancelled.png': ['2-cancel', 'add-cancelled'],
    'problems-broken-link.png': ['3-links', 'problems-panel'],
    'quick-fix.png': ['3-links', 'quick-fix-menu'],
    'link-completion.png': ['3-links', 'link-completion'],
    'recover.png': ['4-kill-recover', 'recover-report'],
    'output-after-crash.png': ['4-kill-recover', 'output-after-restart'],
    'ask-panel.png': ['5-ask', 'saved'],
    'workspace-symbol.png': ['6-navigate', 'workspace-symbol'],
    'backlinks-lens.png': ['6-navigate', 'backlinks-lens-references'],
    'backlinks-documents-views.png': ['6-navigate', 'documents-view'],
    'graph.png': ['6-navigate', 'graph-node-opened'],
    'rename-f2.png': ['7-rename', 'rename-box'],
    'rename-explorer.png': ['7-rename', 'explorer-rename-confirm'],
};

mkdirSync(join(root, 'images'), { recursive: true });
let missing = 0;
for (const [name, [flow, step]] of Object.entries(CHOSEN)) {
    const dir = join(artifacts, flow);
    const file = existsSync(dir) ? readdirSync(dir).find((f) => f.replace(/^\d+-/, '') === `${step}.png`) : undefined;
    if (file === undefined) {
        console.error(`screenshots: no ${flow}/NN-${step}.png in ${artifacts}: run \`npm run test:vscode\` until it passes`);
        missing += 1;
        continue;
    }
    copyFileSync(join(dir, file), join(root, 'images', name));
    console.log(`screenshots: ${flow}/${file} -> images/${name}`);
}
process.exit(missing > 0 ? 1 : 0);
