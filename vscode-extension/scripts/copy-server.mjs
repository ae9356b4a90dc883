// Copies the server jar into server/openkb.jar, where the packaged extension looks for it.
// Source: $OPENKB_JAR, else ../server/target/openkb.jar (built by `mvn -q -pl server -am package -DskipTests`).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.env.OPENKB_JAR || join(root, '..', 'server', 'target', 'openkb.jar');
if (!existsSync(source)) {
    console.error(
        `copy-server: the server jar ${source} does not exist. Build it first: ` +
            '(cd .. && mvn -q -pl server -am package -DskipTests), or set OPENKB_JAR to a built jar.',
    );
    process.exit(1);
}
mkdirSync(join(root, 'server'), { recursive: true });
copyFileSync(source, join(root, 'server', 'openkb.jar'));
console.log(`copy-server: ${source} -> server/openkb.jar`);
