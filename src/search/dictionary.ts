import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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
 * figures weights come from are kept equal: the sum of all frequencies (a placeholder word carries
 * the mass of the removed ones), the minimum (given to characters no word covers) and the median
 * (given to words taught with `insertWord`; kept by repeating the least or the median word).
 */

const nodejiebaPaths = createRequire(import.meta.url)('nodejieba') as { DEFAULT_DICT: string };

/** Private-use characters: never in text, since only Han runs reach jieba. */
const PLACEHOLDER = '\uE000\uE000';

interface Full {
  text: string;
  total: number;
  median: number;
  /** Where the lines with the least and the median frequency start. */
  leastLine: number;
  medianLine: number;
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
  const starts: number[] = [];
  const freqs: number[] = [];
  eachLine(text, (start, wordEnd) => {
    starts.push(start);
    freqs.push(freqAt(text, wordEnd));
  });
  const sorted = Float64Array.from(freqs).sort();
  const least = sorted[0]!;
  const median = sorted[Math.floor(sorted.length / 2)]!;
  full = {
    text,
    total: sorted.reduce((a, b) => a + b, 0),
    median,
    leastLine: starts[freqs.indexOf(least)]!,
    medianLine: starts[freqs.indexOf(median)]!,
  };
  return full;
}

/** Writes the full dictionary's lines whose word `keep` accepts; returns their words. */
function writeSubset(file: string, keep: (text: string, start: number, end: number) => boolean): string[] {
  const { text, total, median, leastLine, medianLine } = fullDictionary();
  const lines: string[] = [];
  const words: string[] = [];
  let mass = 0;
  let below = 0;
  let at = 0;
  let above = 1; // the placeholder
  const add = (start: number, wordEnd: number, end: number) => {
    lines.push(text.slice(start, end));
    const freq = freqAt(text, wordEnd);
    mass += freq;
    if (freq < median) below++;
    else if (freq > median) above++;
    else at++;
  };
  eachLine(text, (start, wordEnd, end) => {
    if (start !== leastLine && start !== medianLine && !keep(text, start, wordEnd)) return;
    add(start, wordEnd, end);
    words.push(text.slice(start, wordEnd));
  });
  // jieba takes the word at the middle of the frequency order: repeat the least or the median
  // word until it is one of the median words again. A repeated word keeps its weight.
  const repeat = (line: number) => add(line, text.indexOf(' ', line), text.indexOf('\n', line));
  for (;;) {
    const middle = Math.floor((below + at + above) / 2);
    if (middle >= below + at) repeat(leastLine);
    else if (middle < below) repeat(medianLine);
    else break;
  }
  lines.push(`${PLACEHOLDER} ${total - mass} x`);
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, lines.join('\n') + '\n');
  renameSync(temp, file);
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
