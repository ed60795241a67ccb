import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocRecord, SkippedFile } from '../digest/types.js';
import type { BulletStore } from './bullets.js';
import type { SavedPostings } from './postings.js';
import type { GlossPair, Vocabulary } from './vocabulary.js';

/** One vault file as last indexed; size and mtime tell whether it changed since. */
export interface FileEntry {
  path: string;
  size: number;
  mtimeMs: number;
  /** Present when the file parsed. */
  doc?: DocRecord;
  /**
   * The names this file glosses (英伟达（Nvidia）), so the vocabulary and the synonyms can be
   * recomputed without rereading it.
   */
  glosses: GlossPair[];
  skipped?: string;
}

export interface SavedIndex {
  fingerprint: string;
  builtAt: number;
  vocabulary: Vocabulary;
  files: FileEntry[];
  postings: SavedPostings;
  bullets: BulletStore;
}

/**
 * What makes a saved index readable: the source of the parser and the search code, its data
 * files (the thesaurus, whose words jieba is taught), and the versions of the libraries that shape
 * it. Any change means rebuild, never misread.
 */
export async function codeFingerprint(src = resolve(dirname(fileURLToPath(import.meta.url)), '..')): Promise<string> {
  const hash = createHash('sha256');
  for (const folder of ['digest', 'search']) {
    const names = (await readdir(join(src, folder))).filter((n) => n.endsWith('.ts') || n.endsWith('.txt')).sort();
    for (const name of names) hash.update(name).update(await readFile(join(src, folder, name)));
  }
  const require = (pkg: string) => readFile(new URL(`../../node_modules/${pkg}/package.json`, import.meta.url), 'utf8');
  for (const pkg of ['minisearch', 'nodejieba', 'gray-matter']) hash.update(JSON.parse(await require(pkg)).version as string);
  return hash.digest('hex').slice(0, 16);
}

/** The saved index of a vault lives outside it, keyed by the vault's absolute path. */
export function indexFile(cacheDir: string, vaultDir: string): string {
  const key = createHash('sha256').update(resolve(vaultDir)).digest('hex').slice(0, 12);
  return join(cacheDir, `index-${key}.index`);
}

/** The vault's reduced jieba dictionary, beside its index (see dictionary.ts). */
export function dictionaryFile(index: string): string {
  return index.replace(/\.index$/, '.dict.utf8');
}

/**
 * A saved index is its JSON followed by the postings' arrays as raw bytes (7 MB for the real
 * vault), which as base64 inside the JSON cost 150 ms more of a warm start to parse and decode.
 * Layout: the JSON's length in bytes (u32, little-endian), the JSON, where each array stands as its
 * length, then the arrays in order, each starting at a multiple of 8 bytes. Encoded as the pieces
 * to write one after another (see jsonPieces).
 */
export function encodeSaved(saved: SavedIndex): Uint8Array[] {
  const { arrays } = saved.postings;
  const json = jsonPieces({ ...saved, postings: { ...saved.postings, arrays: arrays.map((a) => a.byteLength) } });
  let at = json.reduce((sum, piece) => sum + piece.byteLength, 4);
  const head = Buffer.alloc(4);
  head.writeUInt32LE(at - 4);
  const pieces: Uint8Array[] = [head, ...json];
  for (const array of arrays) {
    pieces.push(Buffer.alloc(padding(at)), array);
    at += padding(at) + array.byteLength;
  }
  return pieces;
}

const PIECE_CHARS = 1 << 16;

/**
 * `JSON.stringify(value)` as UTF-8, in pieces of about 64 K characters, stringified entry by entry
 * two levels down (one file, one term…). The real vault's index is 13 MB of UTF-8: stringified
 * whole, its text (18 MB), its bytes and the file's image in one buffer were held at once, right
 * after a cold build, when memory peaks.
 */
export function jsonPieces(value: unknown): Buffer[] {
  const pieces: Buffer[] = [];
  let text = '';
  const emit = (part: string) => {
    text += part;
    if (text.length < PIECE_CHARS) return;
    pieces.push(Buffer.from(text));
    text = '';
  };
  const write = (item: unknown, depth: number): void => {
    if (depth === 0 || item === null || typeof item !== 'object' || 'toJSON' in item) {
      // In an array, JSON.stringify writes null for what it cannot write (undefined, a function).
      emit(JSON.stringify(item) ?? 'null');
    } else if (Array.isArray(item)) {
      emit('[');
      for (let i = 0; i < item.length; i++) {
        if (i > 0) emit(',');
        write(item[i], depth - 1);
      }
      emit(']');
    } else {
      let first = true;
      emit('{');
      for (const [key, element] of Object.entries(item)) {
        // Properties JSON.stringify leaves out.
        if (element === undefined || typeof element === 'function' || typeof element === 'symbol') continue;
        emit(`${first ? '' : ','}${JSON.stringify(key)}:`);
        first = false;
        write(element, depth - 1);
      }
      emit('}');
    }
  };
  write(value, 2);
  if (text) pieces.push(Buffer.from(text));
  return pieces;
}

/** The saved index in `data`, or null when it is not one whole (truncated, another format). */
export function decodeSaved(data: Buffer): SavedIndex | null {
  if (data.byteLength < 4) return null;
  const jsonEnd = 4 + data.readUInt32LE(0);
  if (jsonEnd > data.byteLength) return null;
  let saved: unknown;
  try {
    saved = JSON.parse(data.toString('utf8', 4, jsonEnd));
  } catch {
    return null;
  }
  const lengths: unknown = (saved as { postings?: { arrays?: unknown } } | null)?.postings?.arrays;
  if (!Array.isArray(lengths) || !lengths.every((n) => Number.isInteger(n) && n >= 0)) return null;
  const starts: number[] = [];
  let at = jsonEnd;
  for (const length of lengths as number[]) {
    at += padding(at);
    starts.push(at);
    at += length;
  }
  if (at !== data.byteLength) return null;
  const index = saved as SavedIndex;
  const arrays = starts.map((start, i) => new Uint8Array(data.buffer, data.byteOffset + start, lengths[i] as number));
  return { ...index, postings: { ...index.postings, arrays } };
}

const padding = (at: number) => (8 - (at % 8)) % 8;

export async function readSaved(file: string, fingerprint: string): Promise<SavedIndex | null> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    return null;
  }
  // A truncated or corrupt file (a crash mid-write on an older version) is simply rebuilt.
  const saved = decodeSaved(data);
  if (!saved || saved.fingerprint !== fingerprint || !Array.isArray(saved.files) || !saved.bullets) return null;
  return saved;
}

/** Written to a temporary file and renamed, so a crash mid-write never leaves a broken index. */
export async function writeSaved(file: string, saved: SavedIndex): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, encodeSaved(saved));
  await rename(temp, file);
  // Versions before 2026-12-02 saved the index as JSON beside it: it is never read again.
  if (file.endsWith('.index')) await rm(`${file.slice(0, -'.index'.length)}.json`, { force: true });
}

export function skippedOf(files: readonly FileEntry[]): SkippedFile[] {
  return files.filter((f) => f.skipped).map((f) => ({ path: f.path, reason: f.skipped! }));
}
