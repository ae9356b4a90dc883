/**
 * Loads the real `vscode-languageclient/node` (not the mock) for tests of what it does with the options
 * the extension builds: which command line it spawns, where the server's stderr goes. Its many uses of
 * `vscode` at load time (classes it extends, enums) get inert stand-ins; what it calls while spawning
 * comes from the vscode mock. Import after `harness`.
 */
import * as path from 'node:path';
import { vscodeMock } from './harness';

/** A function, class and namespace at once: extendable, callable, constructible, any member. */
function inert(name: string): any {
    const target = function () {} as any;
    return new Proxy(target, {
        get: (t, p) => (p in t ? t[p] : inert(`${name}.${String(p)}`)),
        apply: () => undefined,
        construct: () => ({}),
    });
}

/** The mock where it has a member, an inert stand-in where it has not (recursively for plain objects). */
function lenient(value: any, name: string): any {
    return new Proxy(value, {
        get: (t, p) => {
            if (!(p in t)) {
                return inert(`${name}.${String(p)}`);
            }
            const v = t[p];
            return v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype ? lenient(v, `${name}.${String(p)}`) : v;
        },
    });
}

const clientMain = require.resolve('vscode-languageclient/node');
/** The package folder (…/vscode-languageclient/): its modules get the lenient `vscode`. */
const clientRoot = path.join(path.dirname(clientMain), '..', '..');
const Module = require('node:module') as { _load: (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]) => unknown };
const load = Module._load;
Module._load = function (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]): unknown {
    if (request === 'vscode' && parent?.filename?.startsWith(clientRoot)) {
        return lenient(vscodeMock.vscode, 'vscode');
    }
    return load.call(this, request, parent, ...rest);
};

/** The real module, loaded by path so that the harness's redirect to the mock does not apply. */
export const realClient = require(clientMain) as typeof import('vscode-languageclient/node');
