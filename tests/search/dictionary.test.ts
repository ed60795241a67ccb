import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import nodejieba from 'nodejieba';
import { afterAll, describe, expect, it } from 'vitest';
import { HanCoverage } from '../../src/search/coverage.js';
import { listVault } from '../../src/digest/load.js';
import { figuresFile, readDictionary, writeCoveringDictionary, writeReducedDictionary } from '../../src/search/dictionary.js';
import { addWords, segmentChinese, useCoveringDictionary, useReducedDictionary } from '../../src/search/jieba.js';
import { Shard } from '../../src/search/shard.js';
import { STOP_WORDS } from '../../src/search/stopwords.js';
import { normalize } from '../../src/search/tokenize.js';
import { buildVocabulary } from '../../src/search/vocabulary.js';
import { cleanupTemp, copyVault, FIXTURE_VAULT, writeVaultFile } from '../helpers/vault.js';

// nodejieba holds one dictionary per thread: each test loads the one it compares, in order.

const { DEFAULT_DICT } = createRequire(import.meta.url)('nodejieba') as { DEFAULT_DICT: string };
const dir = mkdtempSync(join(tmpdir(), 'digest-dictionary-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  cleanupTemp();
});

/** The Han runs of the fixture vault, as jieba sees them, and words of nodejieba's own user dictionary. */
const runs = [
  ...new Set(
    readdirSync(FIXTURE_VAULT, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.md'))
      .flatMap((name) => normalize(readFileSync(join(FIXTURE_VAULT, name), 'utf8')).match(/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g) ?? []),
  ),
  '蓝翔技校研究区块链与云计算',
];
/**
 * Names jieba lacks (英伟达), knows (芯片), knows but splits at its own weight (一个情节), or knows
 * and the fixture text never says (冰淇淋).
 */
const VOCABULARY = ['英伟达', '餐盘大小', '超快编程模型', '芯片', '智谱', '一个情节', '编程模型', '冰淇淋'];

/**
 * What the full dictionary does once taught the vocabulary: the words it had to be taught, and its
 * cuts of the texts and of the vocabulary itself (a word taught whole, or left to split).
 */
function fullJieba(texts: readonly string[]): { taught: string[]; cuts: string[][] } {
  nodejieba.load();
  const taught = VOCABULARY.filter((word) => nodejieba.cut(word, false).length > 1 && nodejieba.insertWord(word));
  return { taught, cuts: [...texts, ...VOCABULARY].map((text) => nodejieba.cutForSearch(text, false)) };
}

/** The same cuts from the dictionary this thread uses through jieba.ts. */
function cuts(texts: readonly string[]): string[][] {
  addWords(VOCABULARY);
  return [...texts, ...VOCABULARY].map(segmentChinese);
}

function coverageOf(texts: readonly string[]): HanCoverage {
  const coverage = new HanCoverage();
  for (const text of texts) coverage.add(text);
  return coverage;
}

function wordsOf(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(' ')[0]!);
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

/** The dictionary words among a word's pieces (itself included). */
function dictionaryWordsInside(words: readonly string[]): string[] {
  const known = new Set(wordsOf(DEFAULT_DICT));
  return words.flatMap((word) => [...word].flatMap((_, i) => [...word].map((_, j) => word.slice(i, j + 1)))).filter((piece) => known.has(piece));
}

describe('cut-down dictionaries', () => {
  const full = fullJieba(runs);

  it('segment the text they cover, and teach the vocabulary, exactly as the full dictionary', () => {
    useCoveringDictionary(coverageOf([...runs, ...VOCABULARY]));
    expect(cuts(runs)).toEqual(full.cuts);
    expect(full.taught).toContain('英伟达');
    expect(full.taught).toContain('一个情节');
    expect(full.taught).not.toContain('芯片');
  });

  it('carry the total, least and median frequency of the full dictionary, and a fraction of its words', () => {
    const file = join(dir, 'covering.utf8');
    writeCoveringDictionary(file, coverageOf(runs));
    const whole = stats(DEFAULT_DICT);
    expect(stats(figuresFile(file))).toEqual({ ...whole, lines: 3 });
    const kept = stats(file).lines;
    expect(kept).toBeGreaterThan(100);
    expect(kept).toBeLessThan(whole.lines / 10);
  });

  it('united, give the answering thread a dictionary that segments and teaches as the full one', () => {
    // Two shards, each covering half of the text and the names found in it.
    const half = Math.floor(runs.length / 2);
    const parts = [
      writeCoveringDictionary(join(dir, 'a.utf8'), coverageOf([...runs.slice(0, half), ...VOCABULARY.slice(0, 4)])),
      writeCoveringDictionary(join(dir, 'b.utf8'), coverageOf([...runs.slice(half), ...VOCABULARY.slice(4)])),
    ];
    const file = join(dir, 'reduced.utf8');
    writeReducedDictionary(file, parts);
    expect(readDictionary(file)).toEqual({ figures: parts[0]!.figures, lines: [...new Set([...parts[0]!.lines, ...parts[1]!.lines])] });
    expect(readDictionary(file).lines.length).toBeLessThan(parts[0]!.lines.length + parts[1]!.lines.length);
    useReducedDictionary(file);
    expect(cuts(runs)).toEqual(full.cuts);
  });

  it('from a shard, hold every word inside the stop words and the names of its topic pages, which its text need not say', () => {
    const vault = copyVault();
    writeVaultFile(vault, '00-元语/冰淇淋.md', '---\ntitle: 甜点\n---\n\n一种甜点。\n');
    const shard = new Shard();
    const { entries, dictionary } = shard.read(vault, listVault(vault));
    const vocabulary = buildVocabulary(
      entries.flatMap((e) => (e.doc ? [e.doc] : [])),
      entries.map((e) => e.glosses),
    );
    expect(vocabulary.words).toContain('冰淇淋');
    const held = new Set(dictionary.lines.map((line) => line.split(' ')[0]));
    const needed = dictionaryWordsInside([...vocabulary.words, ...STOP_WORDS]);
    expect(needed).toContain('冰淇淋');
    expect(needed).toContain('为什么');
    expect(needed.filter((word) => !held.has(word))).toEqual([]);
  });

  it('segment any text they cover as the full dictionary does', () => {
    const pool = Array.from(new Set(runs.join('')));
    const texts = fc.sample(fc.array(fc.constantFrom(...pool), { minLength: 2, maxLength: 30 }).map((chars) => chars.join('')), { numRuns: 12, seed: 7 });
    const reference = fullJieba(texts).cuts;
    texts.forEach((text, i) => {
      useCoveringDictionary(coverageOf([text, ...VOCABULARY]));
      expect(cuts([text])[0]).toEqual(reference[i]);
    });
  });
});
