import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import type { HanCoverage } from './coverage.js';

/**
 * jieba's 350,000-word dictionary cut down to the words some text can use, so it loads in a
 * fraction of the time and memory and segments that text exactly as the full one does. Two cuts:
 * a covering dictionary holds every word that may occur in a build worker's files (coverage.ts),
 * and the vault's reduced dictionary, which the answering thread loads, is the union of the
 * workers' dictionaries.
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

/** Read afresh for each cut: a build worker cuts once, and keeping its text would hold memory for nothing. */
function fullDictionary(): Full {
  const text = readFileSync(nodejiebaPaths.DEFAULT_DICT, 'utf8');
  const freqs: number[] = [];
  eachLine(text, (_, wordEnd) => freqs.push(freqAt(text, wordEnd)));
  const sorted = Float64Array.from(freqs).sort();
  return { text, total: sorted.reduce((a, b) => a + b, 0), least: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]! };
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

/** A cut-down dictionary: jieba's figures as three main-dictionary lines, and the kept `word freq tag` lines. */
export interface CutDictionary {
  figures: string;
  lines: string[];
}

/** The full dictionary's lines whose word `keep` accepts. */
function cut(keep: (text: string, start: number, end: number) => boolean): CutDictionary {
  const { text, total, least, median } = fullDictionary();
  const lines: string[] = [];
  eachLine(text, (start, wordEnd, end) => {
    if (keep(text, start, wordEnd)) lines.push(text.slice(start, end));
  });
  // In frequency order, so the middle line carries the median.
  const figures = [least, median, total - least - median].map((freq, i) => `${PLACEHOLDERS[i]} ${freq} x\n`).join('');
  return { figures, lines };
}

const defaultUserDictionary = () => readFileSync(nodejiebaPaths.DEFAULT_USER_DICT, 'utf8');

function write(file: string, dictionary: CutDictionary): void {
  mkdirSync(dirname(file), { recursive: true });
  writeAtomically(figuresFile(file), dictionary.figures);
  // nodejieba's own user dictionary last, as when the full dictionary loads: its words override.
  writeAtomically(file, dictionary.lines.join('\n') + '\n' + defaultUserDictionary());
}

/** Writes a dictionary for text that `coverage` saw. */
export function writeCoveringDictionary(file: string, coverage: HanCoverage): CutDictionary {
  const dictionary = cut((text, start, end) => coverage.covers(text, start, end));
  write(file, dictionary);
  return dictionary;
}

/**
 * Writes the vault's dictionary: the union of the dictionaries that covered its files (and, after
 * an update, of the one it had). Their coverage included the vocabulary's names and the stop words
 * (shard.ts), so it holds every word inside those, on which teaching them depends.
 */
export function writeReducedDictionary(file: string, parts: readonly CutDictionary[]): void {
  if (parts.length === 0) throw new Error('writeReducedDictionary: no dictionary to unite');
  // A word listed twice in jieba's dictionary keeps both lines in their order: each part kept both.
  write(file, { figures: parts[0]!.figures, lines: [...new Set(parts.flatMap((part) => part.lines))] });
}

/** A reduced dictionary as written, to extend it after an incremental update. */
export function readDictionary(file: string): CutDictionary {
  const text = readFileSync(file, 'utf8');
  const own = text.endsWith(defaultUserDictionary()) ? text.slice(0, text.length - defaultUserDictionary().length) : text;
  return { figures: readFileSync(figuresFile(file), 'utf8'), lines: own.split('\n').filter(Boolean) };
}
