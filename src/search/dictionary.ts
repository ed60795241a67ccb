import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';

/**
 * A dictionary cut down to the words a vault uses, so a warm start loads jieba in a fraction of
 * the time and memory of its full 350,000-word dictionary, and segments exactly as it would.
 *
 * Why segmentation does not change: jieba picks the most probable path through the words its
 * dictionary offers. On the vault's text, the words left out were never on a chosen path, so the
 * chosen path is still the best. What would shift the choice is kept equal: the sum of all
 * frequencies (a placeholder word carries the mass of the removed ones), the minimum weight (given
 * to characters no word covers) and the weight user words get (the full dictionary's median).
 * Stop words are always kept, since queries wrap their words in them.
 */

const nodejiebaPaths = createRequire(import.meta.url)('nodejieba') as { DEFAULT_DICT: string; DEFAULT_USER_DICT: string };

const FULL_DICT = nodejiebaPaths.DEFAULT_DICT;
const FULL_USER_DICT = nodejiebaPaths.DEFAULT_USER_DICT;

/** A private-use character: never in text, since only Han runs reach jieba. */
const PLACEHOLDER = '\uE000\uE000';

interface DictLine {
  word: string;
  freq: number;
  tag: string;
}

function readDict(file: string): DictLine[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const [word = '', freq = '', tag = ''] = line.trim().split(/\s+/);
      return { word, freq: Number(freq), tag };
    });
}

/** Writes the reduced dictionary for `used` words plus `userWords` (those jieba.addWords added). */
export function writeReducedDictionary(file: string, used: ReadonlySet<string>, userWords: readonly string[]): void {
  const full = readDict(FULL_DICT);
  const freqs = full.map((l) => l.freq).sort((a, b) => a - b);
  const total = freqs.reduce((a, b) => a + b, 0);
  const median = freqs[Math.floor(freqs.length / 2)]!;
  const minimum = full.find((l) => l.freq === freqs[0])!;

  const kept = full.filter((l) => used.has(l.word) || l === minimum);
  // The default user dictionary gives a frequency or takes the median; vault words take the median.
  const users: DictLine[] = readFileSync(FULL_USER_DICT, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const [word = '', second = '', third = ''] = line.trim().split(/\s+/);
      const freq = Number(second);
      return Number.isFinite(freq) && second ? { word, freq, tag: third || 'x' } : { word, freq: median, tag: second || 'x' };
    });
  for (const word of userWords) users.push({ word, freq: median, tag: 'x' });

  const keptMass = [...kept, ...users].reduce((sum, l) => sum + l.freq, 0);
  const lines = [...kept, { word: PLACEHOLDER, freq: total - keptMass, tag: 'x' }, ...users].map((l) => `${l.word} ${l.freq} ${l.tag}`);
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, lines.join('\n') + '\n');
  renameSync(temp, file);
}

/** The words a reduced dictionary holds, to extend it after an incremental update. */
export function dictionaryWords(file: string): Set<string> {
  return new Set(readDict(file).map((l) => l.word));
}
