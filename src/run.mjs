// `node src/run.mjs [--with DIR] ENTRY.ts ARGS…`: runs a TypeScript entry as if started as
// `node ENTRY ARGS…`, from its bundle (bundle.mjs), or through tsx when no bundle can be built.
// `--with DIR` builds DIR's TypeScript files with it, for an entry that imports them at run time
// (the bot's `commands/`): they then share its modules.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundled, useBuilt } from './bundle.mjs';

const USAGE = 'usage: node src/run.mjs [--with DIR] ENTRY.ts [ARGS…]\n';
const args = process.argv.slice(2);
const alongside = [];
if (args[0] === '--with') {
  const dir = args[1];
  if (!dir) fail(USAGE);
  try {
    for (const name of readdirSync(dir).sort()) if (name.endsWith('.ts') && !name.endsWith('.d.ts')) alongside.push(resolve(dir, name));
  } catch (error) {
    fail(`run.mjs: cannot read --with folder ${dir}: ${error.message}\n`);
  }
  args.splice(0, 2);
}
const [entry, ...rest] = args;
if (!entry) fail(USAGE);
const entryPath = resolve(entry);
process.argv = [process.argv[0], entryPath, ...rest];
const built = await bundled([entryPath, ...alongside]);
if (built) {
  useBuilt(built);
  await import(pathToFileURL(built[entryPath]).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(entryPath).href);
}

function fail(message) {
  process.stderr.write(message);
  process.exit(2);
}
