import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseDocument } from './parse.js';
import type { DigestDoc, SkippedFile } from './types.js';

/** Real articles are under 200 KB; anything this large is an export accident, not an article. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export interface VaultFile {
  /** Relative to the vault, forward slashes. */
  path: string;
  size: number;
  mtimeMs: number;
}

/**
 * Every `.md` file of the vault, sorted by path; dot-folders (.obsidian, .git, .trash) are not content.
 * File access is synchronous: thousands of small reads awaited one by one cost seconds in promise
 * overhead, and nothing else runs while a vault loads.
 */
export function listVault(dir: string): VaultFile[] {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  const files: VaultFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.toLowerCase().endsWith('.md')) continue;
    const full = join(entry.parentPath, entry.name);
    const path = relative(dir, full).split(sep).join('/');
    if (path.split('/').some((part) => part.startsWith('.'))) continue;
    const info = statSync(full);
    files.push({ path, size: info.size, mtimeMs: info.mtimeMs });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export type ReadResult = { doc: DigestDoc } | { skipped: SkippedFile };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads and parses one file; any failure becomes a reason, so one bad file never stops a load. */
export function readDocument(dir: string, file: VaultFile): ReadResult {
  const skip = (reason: string): ReadResult => ({ skipped: { path: file.path, reason } });
  if (file.size > MAX_FILE_BYTES) {
    return skip(`file too large (${(file.size / 1048576).toFixed(1)} MB, limit ${MAX_FILE_BYTES / 1048576} MB)`);
  }
  let text: string;
  try {
    text = utf8.decode(readFileSync(join(dir, file.path)));
  } catch (error) {
    return skip(error instanceof TypeError ? 'not valid UTF-8' : `cannot read: ${(error as Error).message}`);
  }
  try {
    return { doc: parseDocument(file.path, text) };
  } catch (error) {
    return skip(error instanceof Error ? error.message : String(error));
  }
}

export interface LoadedVault {
  docs: DigestDoc[];
  skipped: SkippedFile[];
}

export function loadVault(dir: string): LoadedVault {
  const files = listVault(dir);
  const docs: DigestDoc[] = [];
  const skipped: SkippedFile[] = [];
  for (const file of files) {
    const result = readDocument(dir, file);
    if ('doc' in result) docs.push(result.doc);
    else skipped.push(result.skipped);
  }
  return { docs, skipped };
}
