import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { CommandId, HAS_KB_CONTEXT } from '../../commands/ids';
import { KB_CONFIG_GLOB } from '../../kbLocator';
import { SERVER_COMMANDS } from '../../protocol';
import { CONFIG_SECTION, SettingKey } from '../../settings';
import { SUPPORTED_EXTENSIONS } from '../../supportedFiles';
import { readPackageJson } from '../support/packageJson';
import { evaluateWhen } from '../support/whenClause';

const pkg = readPackageJson();
const extensionRoot = path.join(__dirname, '..', '..', '..', '..');
const contributedCommands: string[] = pkg.contributes.commands.map((c: { command: string }) => c.command);
const ADD_MENUS = ['explorer/context', 'editor/context', 'editor/title/context'];

function addMenu(menu: string): { command: string; when: string } {
    const entries = pkg.contributes.menus[menu].filter((e: { command: string }) => e.command === CommandId.add);
    assert.equal(entries.length, 1, `${menu} has one Add entry`);
    return entries[0];
}

/** The context VS Code evaluates a menu's `when` in, for a resource. */
function resource(fsPath: string, options: { folder?: boolean; hasKb?: boolean; scheme?: string } = {}): Record<string, unknown> {
    return {
        [HAS_KB_CONTEXT]: options.hasKb ?? true,
        resourceScheme: options.scheme ?? 'file',
        resourceExtname: options.folder ? '' : path.extname(fsPath),
        resourceFilename: path.basename(fsPath),
        explorerResourceIsFolder: options.folder ?? false,
    };
}

describe('package.json and the code agree', () => {
    test('the contributed commands are exactly the ones the code registers', () => {
        assert.deepEqual([...contributedCommands].sort(), Object.values(CommandId).sort());
    });

    test('every command is titled "OpenKB: ..." as the brief names them', () => {
        const titles = pkg.contributes.commands.map((c: { category: string; title: string }) => `${c.category}: ${c.title}`);
        assert.deepEqual(titles.sort(), [
            'OpenKB: Add URL…',
            'OpenKB: Add to Knowledge Base',
            'OpenKB: Ask…',
            'OpenKB: Initialize Knowledge Base',
            'OpenKB: Initialize Knowledge Base Here',
            'OpenKB: Lint Knowledge Base',
            'OpenKB: Recompile Document',
            'OpenKB: Recover Knowledge Base',
            'OpenKB: Remove Document from Knowledge Base',
            'OpenKB: Set API Key',
            'OpenKB: Show Backlinks',
            'OpenKB: Show Graph',
            'OpenKB: Show Server Output',
        ]);
    });

    test('no contributed command clashes with a command the server advertises', () => {
        for (const id of SERVER_COMMANDS) {
            assert.ok(!contributedCommands.includes(id), `${id} is registered by vscode-languageclient already`);
        }
    });

    test('activation happens in workspaces with a KB, or through a command', () => {
        assert.deepEqual(pkg.activationEvents, [`workspaceContains:${KB_CONFIG_GLOB}`, ...contributedCommands.map((c) => `onCommand:${c}`)]);
    });

    test('every menu entry names a contributed command', () => {
        for (const [menu, entries] of Object.entries<Array<{ command: string }>>(pkg.contributes.menus)) {
            for (const e of entries) {
                assert.ok(contributedCommands.includes(e.command), `${menu}: ${e.command}`);
            }
        }
    });

    test('the settings the code reads are contributed, and every contributed setting is read', () => {
        const contributed = Object.keys(pkg.contributes.configuration.properties).sort();
        const read = Object.values(SettingKey).map((k) => `${CONFIG_SECTION}.${k}`);
        // vscode-languageclient reads <client id>.trace.server itself.
        assert.deepEqual(contributed, [...read, `${CONFIG_SECTION}.trace.server`].sort());
    });

    test('launch and LLM settings cannot come from a workspace (they name programs to run, or where the key goes)', () => {
        for (const key of [SettingKey.javaHome, SettingKey.serverJar, SettingKey.llmModel, SettingKey.llmBaseUrl]) {
            assert.equal(pkg.contributes.configuration.properties[`${CONFIG_SECTION}.${key}`].scope, 'machine');
        }
    });

    test('no setting holds an API key: it lives in the secret storage only', () => {
        for (const key of Object.keys(pkg.contributes.configuration.properties)) {
            assert.doesNotMatch(key, /key|secret|token/i, key);
        }
    });

    test('packaging needs no prompt: license, repository, bundled main and the scripts', () => {
        assert.ok(pkg.license && pkg.repository?.url, 'license and repository');
        assert.equal(pkg.main, './dist/extension.js');
        for (const script of ['compile', 'bundle', 'test', 'test:e2e', 'test:integration', 'package', 'package:linux-x64', 'copy-server']) {
            assert.ok(pkg.scripts[script], script);
        }
        assert.match(pkg.scripts.package, /bundle-runtime\.mjs --none && vsce package --no-dependencies/);
        assert.match(pkg.scripts['package:linux-x64'], /bundle-runtime\.mjs linux-x64 && vsce package .*--target linux-x64/);
    });

    test('a marketplace page: a 128x128 PNG icon, a changelog, fitting categories', () => {
        const icon = fs.readFileSync(path.join(extensionRoot, pkg.icon));
        assert.equal(icon.subarray(1, 4).toString('ascii'), 'PNG');
        assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
        assert.ok(fs.existsSync(path.join(extensionRoot, 'CHANGELOG.md')));
        assert.ok(pkg.categories.includes('Linters') && pkg.categories.includes('Programming Languages'));
    });

    test('Restricted Mode is supported in a limited way, and says how', () => {
        const untrusted = pkg.capabilities.untrustedWorkspaces;
        assert.equal(untrusted.supported, 'limited');
        assert.match(untrusted.description, /no LLM calls/);
        assert.match(untrusted.description, /does not recover/);
    });

    test('[[wikilinks]]: a markdown-it plugin for the preview, and a grammar injected into Markdown', () => {
        assert.equal(pkg.contributes['markdown.markdownItPlugins'], true);
        for (const style of pkg.contributes['markdown.previewStyles']) {
            assert.ok(fs.existsSync(path.join(extensionRoot, style)), style);
        }
        const [grammar] = pkg.contributes.grammars;
        assert.deepEqual(grammar.injectTo, ['text.html.markdown']);
        const file = JSON.parse(fs.readFileSync(path.join(extensionRoot, grammar.path), 'utf8'));
        assert.equal(file.scopeName, grammar.scopeName);
        assert.match(file.injectionSelector, /^L:text\.html\.markdown /);
    });
});

describe('"Add to Knowledge Base" menus', () => {
    test('show on folders in the explorer', () => {
        assert.equal(evaluateWhen(addMenu('explorer/context').when, resource('/w/docs', { folder: true })), true);
    });

    for (const menu of ADD_MENUS) {
        test(`${menu}: show on every supported type, in any letter case`, () => {
            for (const ext of SUPPORTED_EXTENSIONS) {
                for (const name of [`a${ext}`, `A${ext.toUpperCase()}`]) {
                    assert.equal(evaluateWhen(addMenu(menu).when, resource(`/w/${name}`)), true, name);
                }
            }
        });

        test(`${menu}: hide on other types and look-alikes`, () => {
            for (const name of ['image.png', 'notes.mdx', 'archive.pdf.zip', 'report.docm', 'Makefile', 'data.xlsb']) {
                assert.equal(evaluateWhen(addMenu(menu).when, resource(`/w/${name}`)), false, name);
            }
        });

        test(`${menu}: show before there is a KB (the command offers to create one), hide on non-file resources`, () => {
            assert.equal(evaluateWhen(addMenu(menu).when, resource('/w/a.pdf', { hasKb: false })), true);
            assert.equal(evaluateWhen(addMenu(menu).when, resource('/w/a.pdf', { scheme: 'untitled' })), false);
        });
    }

    test('editor menus do not offer folders (an editor never shows one)', () => {
        for (const menu of ['editor/context', 'editor/title/context']) {
            assert.equal(evaluateWhen(addMenu(menu).when, resource('/w/docs', { folder: true })), false);
        }
    });

    test('"Initialize Knowledge Base Here" is on folders in the explorer, with or without a KB, and on nothing else', () => {
        const entries = pkg.contributes.menus['explorer/context'].filter((e: { command: string }) => e.command === CommandId.initHere);
        assert.equal(entries.length, 1);
        assert.equal(evaluateWhen(entries[0].when, resource('/w/docs', { folder: true, hasKb: false })), true);
        assert.equal(evaluateWhen(entries[0].when, resource('/w/docs', { folder: true, hasKb: true })), true);
        assert.equal(evaluateWhen(entries[0].when, resource('/w/a.pdf')), false);
    });

    test('"Ask…" is in the editor\'s context menu with a selection in a workspace with a KB, and only then', () => {
        const entries = pkg.contributes.menus['editor/context'].filter((e: { command: string }) => e.command === CommandId.ask);
        assert.equal(entries.length, 1);
        assert.equal(evaluateWhen(entries[0].when, { [HAS_KB_CONTEXT]: true, editorHasSelection: true }), true);
        assert.equal(evaluateWhen(entries[0].when, { [HAS_KB_CONTEXT]: true, editorHasSelection: false }), false);
        assert.equal(evaluateWhen(entries[0].when, { [HAS_KB_CONTEXT]: false, editorHasSelection: true }), false);
    });

    test('the palette: Add, Initialize, Set API Key and Show Output always; Recover, Lint, Remove, Ask with a KB; never the explorer-only "Here" nor the lens- and view-only Show Backlinks and Recompile Document', () => {
        const visible = (hasKb: boolean): string[] =>
            contributedCommands.filter((id) => {
                const entry = pkg.contributes.menus.commandPalette.find((e: { command: string }) => e.command === id);
                return entry === undefined || evaluateWhen(entry.when, { [HAS_KB_CONTEXT]: hasKb });
            });
        assert.deepEqual(visible(false).sort(), [CommandId.add, CommandId.init, CommandId.setApiKey, CommandId.showOutput].sort());
        assert.deepEqual(visible(true).sort(),
            contributedCommands.filter((id) => id !== CommandId.initHere && id !== CommandId.showBacklinks
                && id !== CommandId.recompileDocument).sort());
    });
});

describe('the when-clause evaluator used above', () => {
    test('handles precedence, negation and both comparison kinds', () => {
        assert.equal(evaluateWhen('a && b || c', { c: true }), true);
        assert.equal(evaluateWhen('a && (b || c)', { c: true }), false);
        assert.equal(evaluateWhen('!a && k == v', { k: 'v' }), true);
        assert.equal(evaluateWhen("k != 'v'", { k: 'v' }), false);
        assert.equal(evaluateWhen('x =~ /^\\.pdf$/i', { x: '.PDF' }), true);
        assert.throws(() => evaluateWhen('a &&', {}), /ends too early/);
    });
});
