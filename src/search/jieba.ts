import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import nodejieba from 'nodejieba';
import { HanCoverage } from './coverage.js';
import { writeCoveringDictionary } from './dictionary.js';

/**
 * nodejieba keeps one dictionary per thread. The full one takes most of a second to load (twice
 * over: nodejieba builds a second copy for its TextRank extractor), so it loads only on first use
 * in a thread that was given no cut-down one (dictionary.ts): a build worker loads a dictionary
 * covering its files, the answering thread its vault's reduced dictionary. User words go into the
 * loaded dictionary.
 */
let loaded = false;
let reduced: string | null = null;
const inserted = new Set<string>();
/** Words actually added to the dictionary. */
const added = new Set<string>();

const file = (name: string) => fileURLToPath(new URL(`./jieba-files/${name}`, import.meta.url));
/**
 * nodejieba also builds a keyword extractor on load, never used here: given one word instead of
 * its 6 MB of frequencies, a load takes a quarter of a second and 20 MB less.
 */
const NO_KEYWORDS = { idfDict: file('idf.utf8'), stopWordDict: file('stop.utf8') };
/** A reduced dictionary holds its user words itself. */
const NO_USER_WORDS = file('empty.utf8');

function ensureLoaded(): void {
  if (loaded) return;
  nodejieba.load(reduced ? { dict: reduced, userDict: NO_USER_WORDS, ...NO_KEYWORDS } : NO_KEYWORDS);
  loaded = true;
}

/**
 * Loads a dictionary covering the text `coverage` saw, which segments that text exactly as the full
 * one; returns the words it holds.
 */
export function useCoveringDictionary(coverage: HanCoverage): string[] {
  const file = join(tmpdir(), `digest-jieba-${process.pid}-${threadId}.dict.utf8`);
  try {
    const words = writeCoveringDictionary(file, coverage);
    nodejieba.load({ dict: file, ...NO_KEYWORDS });
    reduced = null;
    loaded = true;
    inserted.clear();
    added.clear();
    return words;
  } finally {
    rmSync(file, { force: true });
  }
}

/**
 * Uses a reduced dictionary (see dictionary.ts) from now on, reloading if one was loaded; `words`
 * are the vault words it already holds at their proper weight, which must not be inserted again.
 */
export function useReducedDictionary(file: string, words: Iterable<string>): void {
  reduced = file;
  inserted.clear();
  added.clear();
  for (const word of words) inserted.add(word);
  if (loaded) {
    loaded = false;
    ensureLoaded();
  }
}

/**
 * Segments a run of Chinese text. HMM is off: with it, unknown characters glue to their neighbours
 * differently in different sentences, so the same word would index and query differently.
 */
export function segmentChinese(run: string): string[] {
  ensureLoaded();
  return nodejieba.cutForSearch(run, false);
}

export function cutChinese(run: string): string[] {
  ensureLoaded();
  return nodejieba.cut(run, false);
}

/**
 * Teaches jieba words it splits. A word it already knows is left alone: inserting it again would
 * replace its own frequency with the default user-word weight and change how text around it splits.
 */
export function addWords(words: Iterable<string>): void {
  ensureLoaded();
  for (const word of words) {
    if (inserted.has(word)) continue;
    inserted.add(word);
    if (nodejieba.cut(word, false).length > 1) {
      nodejieba.insertWord(word);
      added.add(word);
    }
  }
}

/**
 * The words of `words` jieba must be taught (see `addWords`), decided with a dictionary covering
 * just them; the thread then loads its own dictionary on next use.
 */
export function taughtWords(words: readonly string[]): string[] {
  const coverage = new HanCoverage();
  for (const word of words) coverage.add(word);
  useCoveringDictionary(coverage);
  addWords(words);
  const taught = [...added];
  loaded = false;
  inserted.clear();
  added.clear();
  return taught;
}
