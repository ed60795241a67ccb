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
 * JavaScript built from TypeScript entries and every source module they import (packages stay
 * imports), by esbuild, the first time this version of those sources runs: by each entry's
 * absolute path, the script it became. Null when it cannot be built or written (a source that does
 * not compile, a read-only install): the caller then runs the sources through tsx.
 *
 * Why: tsx compiles each module on every start, behind a loader thread that itself takes a third
 * of a second to start, which is a fifth of a warm start; a worker thread pays it again. A bundle
 * starts at plain Node's speed.
 *
 * The entries are built together and share the modules they have in common (esbuild's code
 * splitting): a module the program imports at run time (the bot's `commands/`) then uses the same
 * instances as the program, so `instanceof` and module state hold across them.
 *
 * A manifest beside the scripts lists the files they were built from and a hash of their contents,
 * so any edit, or another set of entries, rebuilds them. Each module's `import.meta.url` keeps
 * naming its own source file, which data files (jieba's) and the sources themselves (the index's
 * fingerprint) are found from.
 */
export async function bundled(entries, cacheDir = BUNDLE_CACHE) {
  const paths = entries.map((entry) => resolve(entry));
  const name = relative(ROOT, paths[0]).replace(/\.[cm]?ts$/, '').replace(/[^\w.-]+/g, '-');
  const manifestFile = join(cacheDir, `${name}.json`);
  const previous = readManifest(manifestFile);
  if (previous && sameEntries(previous, paths) && existsSync(previous.dir) && digestOf(previous.inputs) === previous.digest) {
    return previous.modules;
  }
  try {
    const { build } = await import('esbuild');
    const loaded = new Map();
    const temp = join(cacheDir, `${name}.${process.pid}.tmp`);
    const result = await build({
      entryPoints: paths,
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outdir: temp,
      outExtension: { '.js': '.mjs' },
      chunkNames: 'chunks/[name]-[hash]',
      absWorkingDir: ROOT,
      metafile: true,
      write: false,
      logLevel: 'silent',
      plugins: [ownUrls(loaded)],
    });
    const inputs = [...loaded.keys()].sort();
    const digest = digestOf(inputs, loaded);
    const dir = join(cacheDir, `${name}-${digest}`);
    const modules = {};
    for (const [output, { entryPoint }] of Object.entries(result.metafile.outputs)) {
      if (entryPoint) modules[resolve(ROOT, entryPoint)] = join(dir, relative(temp, resolve(ROOT, output)));
    }
    if (!existsSync(dir)) {
      for (const file of result.outputFiles) {
        mkdirSync(dirname(file.path), { recursive: true });
        writeFileSync(file.path, file.contents);
      }
      // Whole or not at all: another process may be starting from the same scripts.
      try {
        renameSync(temp, dir);
      } catch {
        rmSync(temp, { recursive: true, force: true }); // another process wrote it first
      }
    }
    writeAtomically(manifestFile, JSON.stringify({ digest, inputs, dir, modules }));
    // What the previous version left (before 2026-12-03, a single script in `script`).
    for (const old of [previous?.dir, previous?.script]) if (old && old !== dir) rmSync(old, { recursive: true, force: true });
    return modules;
  } catch {
    return null;
  }
}

const BUILT = Symbol.for('digest-discord-bot.built-modules');

/** Set by run.mjs: the scripts this process runs from, for modules it finds at run time (`builtModule`). */
export function useBuilt(modules) {
  globalThis[BUILT] = modules;
}

/** The URL of the script `source` was built into, when this process runs from one; else undefined. */
export function builtModule(source) {
  const script = globalThis[BUILT]?.[resolve(source)];
  return script ? pathToFileURL(script).href : undefined;
}

function readManifest(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function sameEntries(manifest, paths) {
  const built = Object.keys(manifest.modules ?? {}).sort();
  const wanted = [...paths].sort();
  return built.length === wanted.length && built.every((path, i) => path === wanted[i]);
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
