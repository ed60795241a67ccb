import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import nodejieba from 'nodejieba';
import type { HanCoverage } from './coverage.js';
import { figuresFile, writeCoveringDictionary, type CutDictionary } from './dictionary.js';

/**
 * nodejieba keeps one dictionary per thread. The full one takes more than a second to load (twice
 * over: nodejieba builds a second copy for its TextRank extractor), so it loads only on first use
 * in a thread that was given no cut-down one (dictionary.ts): a build worker loads a dictionary
 * covering its files, the answering thread its vault's reduced dictionary. The vault's words are
 * then taught to the loaded dictionary.
 */
let loaded = false;
let reduced: string | null = null;
/** Words taught to the loaded dictionary, or found it already knew them. */
const taught = new Set<string>();

const file = (name: string) => fileURLToPath(new URL(`./jieba-files/${name}`, import.meta.url));
/**
 * nodejieba also builds a keyword extractor on load, never used here: given one word instead of
 * its 6 MB of frequencies, a load takes a quarter of a second and 20 MB less.
 */
const NO_KEYWORDS = { idfDict: file('idf.utf8'), stopWordDict: file('stop.utf8') };

function load(dict: string | null): void {
  nodejieba.load(dict ? { dict: figuresFile(dict), userDict: dict, ...NO_KEYWORDS } : NO_KEYWORDS);
  loaded = true;
  taught.clear();
}

function ensureLoaded(): void {
  if (!loaded) load(reduced);
}

/**
 * Loads a dictionary covering the text `coverage` saw, which segments that text exactly as the full
 * one; returns that dictionary.
 */
export function useCoveringDictionary(coverage: HanCoverage): CutDictionary {
  const file = join(tmpdir(), `digest-jieba-${process.pid}-${threadId}.dict.utf8`);
  try {
    const dictionary = writeCoveringDictionary(file, coverage);
    load(file);
    reduced = null;
    return dictionary;
  } finally {
    rmSync(file, { force: true });
    rmSync(figuresFile(file), { force: true });
  }
}

/** Uses a vault's reduced dictionary (see dictionary.ts) from now on, reloading if one was loaded. */
export function useReducedDictionary(file: string): void {
  reduced = file;
  if (loaded) load(file);
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
    if (taught.has(word)) continue;
    taught.add(word);
    if (nodejieba.cut(word, false).length > 1) nodejieba.insertWord(word);
  }
}
