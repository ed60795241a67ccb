import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STOP_WORDS } from '../../src/search/stopwords.js';
import { parseThesaurus, THESAURUS_FILE, thesaurus } from '../../src/search/thesaurus.js';
import { isHanWord, isOneWord, normalize } from '../../src/search/tokenize.js';

describe('parseThesaurus', () => {
  it('makes each word of a group stand for the others, both ways', () => {
    expect(parseThesaurus('降低 减少 压低\n')).toEqual(
      new Map([
        ['降低', ['减少', '压低']],
        ['减少', ['降低', '压低']],
        ['压低', ['降低', '减少']],
      ]),
    );
  });

  it('gives a word in two groups the others of both', () => {
    expect(parseThesaurus('开销 花费\n开支 开销 支出').get('开销')).toEqual(['花费', '开支', '支出']);
  });

  it('skips comments, blank lines and a line of one word, and folds case and width as the tokenizer does', () => {
    expect(parseThesaurus('# 容器 container\n\n孤词\n容器  Ｃontainer\n')).toEqual(
      new Map([
        ['容器', ['container']],
        ['container', ['容器']],
      ]),
    );
  });
});

describe('the shipped thesaurus', () => {
  const groups = readFileSync(THESAURUS_FILE, 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split(' '));

  it('holds groups of two or more distinct words, one space apart', () => {
    const bad = groups.filter((words) => words.length < 2 || new Set(words).size !== words.length || words.includes(''));
    expect(bad).toEqual([]);
  });

  it('holds only words a question can be read into: normalised, not stop words, a Latin one whole', () => {
    const words = [...new Set(groups.flat())];
    expect(words.filter((word) => normalize(word) !== word)).toEqual([]);
    expect(words.filter((word) => STOP_WORDS.has(word))).toEqual([]);
    expect(words.filter((word) => !isHanWord(word) && !isOneWord(word))).toEqual([]);
  });

  it('is read from the file once, with a word’s groups merged', () => {
    expect(thesaurus()).toBe(thesaurus());
    expect(thesaurus().get('容器')).toContain('container');
    expect(thesaurus().size).toBe(new Set(groups.flat()).size);
  });
});
