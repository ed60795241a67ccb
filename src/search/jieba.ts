import { fileURLToPath } from 'node:url';
import nodejieba from 'nodejieba';

/**
 * nodejieba keeps one dictionary per thread. The full one takes most of a second to load, so it
 * loads on first use; a thread that serves one vault switches to that vault's reduced dictionary
 * (about a tenth of a second) whenever it is written. User words go into the loaded dictionary.
 */
let loaded = false;
let reduced: string | null = null;
const inserted = new Set<string>();
/** Words actually added to the dictionary, which a reduced dictionary must carry as user words. */
const added = new Set<string>();
let recorded: Set<string> | null = null;

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
  const words = nodejieba.cutForSearch(run, false);
  if (recorded) for (const word of words) recorded.add(word);
  return words;
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

export function addedWords(): string[] {
  return [...added];
}

/** Records every word segmentation yields until `stopRecording`: the words a reduced dictionary needs. */
export function startRecording(): void {
  recorded = new Set();
}

export function stopRecording(): Set<string> {
  const words = recorded ?? new Set<string>();
  recorded = null;
  return words;
}
