// Plain JavaScript, so that run.mjs can use it before anything can load TypeScript.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Beside the packages, so a bundle's imports of them resolve as the sources' do. */
export const BUNDLE_CACHE = join(ROOT, 'node_modules', '.cache', 'digest-discord-bot');

/**
 * One JavaScript file holding a TypeScript entry and every source module it imports (packages stay
 * imports), built by esbuild the first time this version of those sources runs; or null when it
 * cannot be built or written (read-only install), and the caller runs the sources through tsx.
 *
 * Why: tsx compiles each module on every start, behind a loader thread that itself takes a third
 * of a second to start, which is a fifth of a warm start; a worker thread pays it again. A bundle
 * starts at plain Node's speed.
 *
 * A manifest beside the bundle lists the files it was built from and a hash of their contents, so
 * any edit rebuilds it. Each module's `import.meta.url` keeps naming its own source file, which
 * data files (jieba's) and the sources themselves (the index's fingerprint) are found from.
 */
export async function bundled(entry, cacheDir = BUNDLE_CACHE) {
  const name = relative(ROOT, resolve(entry)).replace(/\.[cm]?ts$/, '').replace(/[^\w.-]+/g, '-');
  const manifestFile = join(cacheDir, `${name}.json`);
  const previous = readManifest(manifestFile);
  if (previous && digestOf(previous.inputs) === previous.digest) return previous.script;
  try {
    const { build } = await import('esbuild');
    const loaded = new Map();
    const result = await build({
      entryPoints: [resolve(entry)],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      write: false,
      logLevel: 'silent',
      plugins: [ownUrls(loaded)],
    });
    const inputs = [...loaded.keys()].sort();
    const digest = digestOf(inputs, loaded);
    const script = join(cacheDir, `${name}-${digest}.mjs`);
    mkdirSync(cacheDir, { recursive: true });
    writeAtomically(script, result.outputFiles[0].contents);
    writeAtomically(manifestFile, JSON.stringify({ digest, inputs, script }));
    if (previous && previous.script !== script) rmSync(previous.script, { force: true });
    return script;
  } catch {
    return null;
  }
}

function readManifest(file) {
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    return existsSync(manifest.script) ? manifest : null;
  } catch {
    return null;
  }
}

/** A hash of the files' contents; `contents` holds those esbuild just read, so the hash names what was built. */
function digestOf(files, contents = new Map()) {
  const hash = createHash('sha256');
  try {
    for (const file of files) hash.update(file).update('\0').update(contents.get(file) ?? readFileSync(file, 'utf8')).update('\0');
  } catch {
    return null; // a file is gone: build again
  }
  return hash.digest('hex').slice(0, 16);
}

/** Loads the project's own TypeScript and JavaScript, noting what it read and giving each module its own URL. */
function ownUrls(loaded) {
  return {
    name: 'own-urls',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async ({ path }) => {
        const text = await readFile(path, 'utf8');
        loaded.set(path, text);
        const contents = text.replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(path).href));
        return { contents, loader: /\.[cm]?ts$/.test(path) ? 'ts' : 'js' };
      });
    },
  };
}

function writeAtomically(file, contents) {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, contents);
  renameSync(temp, file);
}
