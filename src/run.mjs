// `node src/run.mjs ENTRY.ts ARGS…`: runs a TypeScript entry as if started as `node ENTRY ARGS…`,
// from its bundle (bundle.mjs), or through tsx when no bundle can be built.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundled } from './bundle.mjs';

const [entry] = process.argv.splice(2, 1);
if (!entry) {
  process.stderr.write('usage: node src/run.mjs ENTRY.ts [ARGS…]\n');
  process.exit(2);
}
const script = await bundled(entry);
process.argv[1] = resolve(entry);
if (script) {
  await import(pathToFileURL(script).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(resolve(entry)).href);
}
