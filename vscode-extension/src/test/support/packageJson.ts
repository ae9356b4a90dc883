import * as fs from 'node:fs';
import * as path from 'node:path';

/** The extension's package.json (tests run from out/src/test/..., four levels below it). */
export function readPackageJson(): any {
    return JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8'));
}
