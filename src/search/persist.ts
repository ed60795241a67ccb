import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocRecord, SkippedFile } from '../digest/types.js';
import type { BulletStore } from './bullets.js';
import type { SavedPostings } from './postings.js';
import type { Vocabulary } from './vocabulary.js';

/** One vault file as last indexed; size and mtime tell whether it changed since. */
export interface FileEntry {
  path: string;
  size: number;
  mtimeMs: number;
  /** Present when the file parsed. */
  doc?: DocRecord;
  /** Names this file glosses (英伟达（Nvidia）), so the vocabulary can be recomputed without rereading it. */
  glosses: string[];
  skipped?: string;
}

export interface SavedIndex {
  fingerprint: string;
  builtAt: number;
  vocabulary: Vocabulary;
  files: FileEntry[];
  postings: SavedPostings;
  /** MiniSearch's own saved form of the title index. */
  titleIndex: unknown;
  bullets: BulletStore;
}

/**
 * What makes a saved index readable: the source of the parser and the search code, and the
 * versions of the libraries that shape it. Any change means rebuild, never misread.
 */
export async function codeFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  const src = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  for (const folder of ['digest', 'search']) {
    const names = (await readdir(join(src, folder))).filter((n) => n.endsWith('.ts')).sort();
    for (const name of names) hash.update(name).update(await readFile(join(src, folder, name)));
  }
  const require = (pkg: string) => readFile(new URL(`../../node_modules/${pkg}/package.json`, import.meta.url), 'utf8');
  for (const pkg of ['minisearch', 'nodejieba', 'gray-matter']) hash.update(JSON.parse(await require(pkg)).version as string);
  return hash.digest('hex').slice(0, 16);
}

/** The saved index of a vault lives outside it, keyed by the vault's absolute path. */
export function indexFile(cacheDir: string, vaultDir: string): string {
  const key = createHash('sha256').update(resolve(vaultDir)).digest('hex').slice(0, 12);
  return join(cacheDir, `index-${key}.json`);
}

/** The vault's reduced jieba dictionary, beside its index (see dictionary.ts). */
export function dictionaryFile(index: string): string {
  return index.replace(/\.json$/, '.dict.utf8');
}

export async function readSaved(file: string, fingerprint: string): Promise<SavedIndex | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const saved = JSON.parse(text) as SavedIndex;
    if (saved.fingerprint !== fingerprint || !Array.isArray(saved.files) || !saved.postings || !saved.titleIndex || !saved.bullets) return null;
    return saved;
  } catch {
    // A truncated or corrupt file (a crash mid-write on an older version) is simply rebuilt.
    return null;
  }
}

/** Written to a temporary file and renamed, so a crash mid-write never leaves a broken index. */
export async function writeSaved(file: string, saved: SavedIndex): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(saved));
  await rename(temp, file);
}

export function skippedOf(files: readonly FileEntry[]): SkippedFile[] {
  return files.filter((f) => f.skipped).map((f) => ({ path: f.path, reason: f.skipped! }));
}
