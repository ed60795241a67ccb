import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import { HanCoverage } from './coverage.js';

/**
 * jieba's 350,000-word dictionary cut down to the words some text can use, so it loads in a
 * fraction of the time and memory and segments that text exactly as the full one does. Two cuts:
 * a covering dictionary holds every word that may occur in a build worker's files (coverage.ts),
 * and the vault's reduced dictionary, which the answering thread loads, holds the words of the
 * workers' dictionaries and every word the vault's vocabulary could contain.
 *
 * Why segmentation does not change: jieba picks the most probable path through the dictionary
 * words that are substrings of the text. Every such word is kept, at the same weight, because the
 * figures weights come from are kept equal: the sum of all frequencies, the minimum (given to
 * characters no word covers) and the median (given to words taught with `insertWord`).
 *
 * A cut-down dictionary is two files. jieba computes those figures from its main dictionary alone
 * and weighs a user-dictionary line that states a frequency exactly as a main one, so the main
 * file holds just three placeholder lines carrying the figures and the words go in the user file.
 * That spares jieba sorting every word to find the median, and a cut needs no padding to keep it.
 */

const nodejiebaPaths = createRequire(import.meta.url)('nodejieba') as { DEFAULT_DICT: string; DEFAULT_USER_DICT: string };

/** Private-use characters: never in text, since only Han runs reach jieba. */
const PLACEHOLDERS = ['\uE000\uE001', '\uE000\uE002', '\uE000\uE000'];

interface Full {
  text: string;
  total: number;
  least: number;
  median: number;
}

let full: Full | null = null;

/** Visits each `word freq tag` line of a dictionary text. */
function eachLine(text: string, visit: (start: number, wordEnd: number, end: number) => void): void {
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const wordEnd = text.indexOf(' ', start);
    if (wordEnd > start && wordEnd < end) visit(start, wordEnd, end);
    start = end + 1;
  }
}

/** The frequency after a line's word, read in place: a dictionary has 350,000 of them. */
function freqAt(text: string, wordEnd: number): number {
  let freq = 0;
  for (let i = wordEnd + 1; ; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return freq;
    freq = freq * 10 + digit;
  }
}

function fullDictionary(): Full {
  if (full) return full;
  const text = readFileSync(nodejiebaPaths.DEFAULT_DICT, 'utf8');
  const freqs: number[] = [];
  eachLine(text, (_, wordEnd) => freqs.push(freqAt(text, wordEnd)));
  const sorted = Float64Array.from(freqs).sort();
  full = { text, total: sorted.reduce((a, b) => a + b, 0), least: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]! };
  return full;
}

/** The main-dictionary file that goes with a cut-down dictionary's words file. */
export function figuresFile(file: string): string {
  return `${file}.figures`;
}

/** Whether both files of a cut-down dictionary are there: jieba aborts the process on a missing one. */
export function hasDictionary(file: string): boolean {
  return existsSync(figuresFile(file)) && existsSync(file);
}

function writeAtomically(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

/** Writes the full dictionary's lines whose word `keep` accepts; returns their words. */
function writeSubset(file: string, keep: (text: string, start: number, end: number) => boolean): string[] {
  const { text, total, least, median } = fullDictionary();
  const lines: string[] = [];
  const words: string[] = [];
  eachLine(text, (start, wordEnd, end) => {
    if (!keep(text, start, wordEnd)) return;
    lines.push(text.slice(start, end));
    words.push(text.slice(start, wordEnd));
  });
  mkdirSync(dirname(file), { recursive: true });
  // In frequency order, so the middle line carries the median.
  const figures = [least, median, total - least - median].map((freq, i) => `${PLACEHOLDERS[i]} ${freq} x\n`);
  writeAtomically(figuresFile(file), figures.join(''));
  // nodejieba's own user dictionary last, as when the full dictionary loads: its words override.
  writeAtomically(file, lines.join('\n') + '\n' + readFileSync(nodejiebaPaths.DEFAULT_USER_DICT, 'utf8'));
  return words;
}

/** A dictionary for text that `coverage` saw: returns the words it holds. */
export function writeCoveringDictionary(file: string, coverage: HanCoverage): string[] {
  return writeSubset(file, (text, start, end) => coverage.covers(text, start, end));
}

/**
 * The vault's dictionary: the `used` words (those of the dictionaries that covered its files) and
 * every word the `vocabulary` words could contain, so that deciding which of them to teach goes as
 * with the full dictionary.
 */
export function writeReducedDictionary(file: string, used: ReadonlySet<string>, vocabulary: readonly string[]): void {
  const names = new HanCoverage();
  for (const word of vocabulary) names.add(word);
  writeSubset(file, (text, start, end) => used.has(text.slice(start, end)) || names.covers(text, start, end));
}

/** The words a reduced dictionary holds, to extend it after an incremental update. */
export function dictionaryWords(file: string): Set<string> {
  const words = new Set<string>();
  const text = readFileSync(file, 'utf8');
  eachLine(text, (start, wordEnd) => words.add(text.slice(start, wordEnd)));
  return words;
}
