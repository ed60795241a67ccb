import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import nodejieba from 'nodejieba';
import { afterAll, describe, expect, it } from 'vitest';
import { HanCoverage } from '../../src/search/coverage.js';
import { writeCoveringDictionary, writeReducedDictionary } from '../../src/search/dictionary.js';
import { addWords, segmentChinese, taughtWords, useCoveringDictionary, useReducedDictionary } from '../../src/search/jieba.js';
import { normalize } from '../../src/search/tokenize.js';
import { FIXTURE_VAULT } from '../helpers/vault.js';

// nodejieba holds one dictionary per thread: each test loads the one it compares, in order.

const { DEFAULT_DICT } = createRequire(import.meta.url)('nodejieba') as { DEFAULT_DICT: string };
const dir = mkdtempSync(join(tmpdir(), 'digest-dictionary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The Han runs of the fixture vault, as jieba sees them. */
const runs = [
  ...new Set(
    readdirSync(FIXTURE_VAULT, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.md'))
      .flatMap((name) => normalize(readFileSync(join(FIXTURE_VAULT, name), 'utf8')).match(/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g) ?? []),
  ),
];
/** Names jieba lacks (英伟达), knows (芯片), or knows but splits at its own weight. */
const VOCABULARY = ['英伟达', '餐盘大小', '超快编程模型', '芯片', '智谱', '一一记', '编程模型'];

/** What the full dictionary does: the words it must be taught, then the cuts. */
function fullJieba(texts: readonly string[]): { taught: string[]; cuts: string[][] } {
  nodejieba.load();
  const taught = VOCABULARY.filter((word) => nodejieba.cut(word, false).length > 1 && nodejieba.insertWord(word));
  return { taught, cuts: texts.map((text) => nodejieba.cutForSearch(text, false)) };
}

function coverageOf(texts: readonly string[]): HanCoverage {
  const coverage = new HanCoverage();
  for (const text of [...texts, ...VOCABULARY]) coverage.add(text);
  return coverage;
}

interface Stats {
  lines: number;
  total: number;
  least: number;
  median: number;
}

function stats(file: string): Stats {
  const freqs = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => Number(line.split(' ')[1]))
    .sort((a, b) => a - b);
  return { lines: freqs.length, total: freqs.reduce((a, b) => a + b, 0), least: freqs[0]!, median: freqs[Math.floor(freqs.length / 2)]! };
}

describe('cut-down dictionaries', () => {
  const full = fullJieba(runs);
  const coveringWords: string[] = [];

  it('segment the text they cover, and decide which words to teach, exactly as the full dictionary', () => {
    coveringWords.push(...useCoveringDictionary(coverageOf(runs)));
    addWords(VOCABULARY);
    expect(runs.map(segmentChinese)).toEqual(full.cuts);
    expect(taughtWords(VOCABULARY)).toEqual(full.taught);
    expect(full.taught).toContain('英伟达');
    expect(full.taught).not.toContain('芯片');
  });

  it('keep the total, least and median frequency of the full dictionary in a fraction of its lines', () => {
    const file = join(dir, 'covering.utf8');
    writeCoveringDictionary(file, coverageOf(runs));
    const whole = stats(DEFAULT_DICT);
    const covering = stats(file);
    expect(covering).toEqual({ ...whole, lines: covering.lines });
    expect(covering.lines).toBeLessThan(whole.lines / 10);
  });

  it('give the answering thread a reduced dictionary that segments the vault text as the full one', () => {
    const file = join(dir, 'reduced.utf8');
    writeReducedDictionary(file, new Set(coveringWords), full.taught);
    useReducedDictionary(file, VOCABULARY);
    addWords(VOCABULARY);
    expect(runs.map(segmentChinese)).toEqual(full.cuts);
  });

  it('segment any text they cover as the full dictionary does', () => {
    const pool = Array.from(new Set(runs.join('')));
    const texts = fc.sample(fc.array(fc.constantFrom(...pool), { minLength: 2, maxLength: 30 }).map((chars) => chars.join('')), { numRuns: 12, seed: 7 });
    const reference = fullJieba(texts).cuts;
    texts.forEach((text, i) => {
      useCoveringDictionary(coverageOf([text]));
      addWords(VOCABULARY);
      expect(segmentChinese(text)).toEqual(reference[i]);
    });
  });
});
