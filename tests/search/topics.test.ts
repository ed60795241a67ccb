import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocRecord } from '../../src/digest/types.js';
import { buildTopics, compareNewestFirst, damerauLevenshtein, rankTopics, resolveTopic, topicKey } from '../../src/search/topics.js';
import { docRecord } from '../helpers/records.js';
import { typedText } from '../helpers/text.js';

const doc = docRecord;

const DOCS: DocRecord[] = [
  doc('00-元语/OpenAI.md', { definition: 'OpenAI 是一家公司。' }),
  doc('00-元语/LLM.md', { definition: 'LLM（Large Language Model，大语言模型）是模型。', aliases: ['Large Language Model', '大语言模型'] }),
  doc('00-元语/Claude Code.md', { definition: 'Claude Code 是工具。', aliases: ['克劳德代码'] }),
  doc('00-元语/Codex.md', { definition: '', oneLine: '页面只有摘要。' }),
  doc('01-博客/甲/旧文.md', { date: '2025-01-01', topics: ['OpenAI', 'LLM'] }),
  doc('01-博客/甲/新文.md', { date: '2026-02-01', topics: ['openai'] }),
  doc('01-博客/乙/无日期.md', { topics: ['OpenAI', 'Anthropic'] }),
  doc('01-博客/乙/同日乙.md', { date: '2026-02-01', topics: ['OpenAI'] }),
];

const TOPICS = buildTopics(DOCS);
const names = (key: string) => {
  const match = resolveTopic(TOPICS, key);
  return match && [match.topic.name, match.via, match.distance];
};

describe('topicKey', () => {
  it('ignores case, width, spaces and joiners', () => {
    expect(topicKey('Claude  Code')).toBe('claudecode');
    expect(topicKey('ＯｐｅｎＡＩ')).toBe('openai');
    expect(topicKey('gpt-5.3_codex·spark')).toBe('gpt53codexspark');
  });

  it('is idempotent on typed text', () => {
    fc.assert(
      fc.property(typedText(30), (text) => {
        expect(topicKey(topicKey(text))).toBe(topicKey(text));
      }),
    );
  });
});

describe('buildTopics', () => {
  it('makes one topic per page and per linked name, articles newest first, undated last', () => {
    const openai = TOPICS.find((t) => t.name === 'OpenAI')!;
    expect(openai.path).toBe('00-元语/OpenAI.md');
    expect(openai.definition).toBe('OpenAI 是一家公司。');
    expect(openai.articles.map((i) => DOCS[i]!.path)).toEqual([
      '01-博客/乙/同日乙.md',
      '01-博客/甲/新文.md',
      '01-博客/甲/旧文.md',
      '01-博客/乙/无日期.md',
    ]);
  });

  it('keeps a topic that articles link to but that has no page', () => {
    expect(TOPICS.find((t) => t.name === 'Anthropic')).toEqual({ name: 'Anthropic', path: '', definition: '', aliases: [], articles: [6] });
  });

  it('uses the one-line summary of a page that has no definition', () => {
    expect(TOPICS.find((t) => t.name === 'Codex')!.definition).toBe('页面只有摘要。');
  });

  it('orders topics by article count, then by name', () => {
    expect(TOPICS.map((t) => [t.name, t.articles.length])).toEqual([
      ['OpenAI', 4],
      ['Anthropic', 1],
      ['LLM', 1],
      ['Claude Code', 0],
      ['Codex', 0],
    ]);
  });
});

describe('resolveTopic', () => {
  it('resolves the exact name in any case and spacing', () => {
    expect(names('OpenAI')).toEqual(['OpenAI', 'OpenAI', 0]);
    expect(names('openai')).toEqual(['OpenAI', 'OpenAI', 0]);
    expect(names('Claude  Code')).toEqual(['Claude Code', 'Claude Code', 0]);
  });

  it('resolves a stated alias', () => {
    expect(names('大语言模型')).toEqual(['LLM', '大语言模型', 0]);
    expect(names('large language model')).toEqual(['LLM', 'Large Language Model', 0]);
    expect(names('克劳德代码')).toEqual(['Claude Code', '克劳德代码', 0]);
  });

  it('resolves small typos, an adjacent swap counting as one edit', () => {
    expect(names('OpneAI')).toEqual(['OpenAI', 'OpenAI', 1]);
    expect(names('Claud Cod')).toEqual(['Claude Code', 'Claude Code', 2]);
  });

  it('allows only one edit in short names', () => {
    expect(names('LLN')).toEqual(['LLM', 'LLM', 1]);
    expect(names('XLN')).toBeNull();
  });

  it('resolves a unique prefix of three characters or more', () => {
    expect(names('Anthro')).toEqual(['Anthropic', 'Anthropic', 1]);
  });

  it('returns null for unknown names and blank input', () => {
    expect(names('量子纠缠')).toBeNull();
    expect(names('   ')).toBeNull();
    expect(names('')).toBeNull();
  });
});

describe('rankTopics', () => {
  it('orders close names by distance', () => {
    expect(rankTopics(TOPICS, topicKey('codx')).map((m) => [m.topic.name, m.distance])).toEqual([['Codex', 1]]);
  });
});

describe('damerauLevenshtein', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps', () => {
    expect(damerauLevenshtein('openai', 'openai', 3)).toBe(0);
    expect(damerauLevenshtein('opneai', 'openai', 3)).toBe(1);
    expect(damerauLevenshtein('kitten', 'sitting', 5)).toBe(3);
    expect(damerauLevenshtein('', 'abc', 5)).toBe(3);
    expect(damerauLevenshtein('ab', '', 3)).toBe(2);
    expect(damerauLevenshtein('英伟达', '英伟', 3)).toBe(1);
  });

  it('gives up past the limit', () => {
    expect(damerauLevenshtein('abcdefgh', 'zyxwvuts', 2)).toBe(3);
    expect(damerauLevenshtein('a', 'abcdefg', 2)).toBe(3);
  });

  it('is symmetric for non-empty strings', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ minLength: 1, maxLength: 8 }), (a, b) => {
        expect(damerauLevenshtein(a, b, 10)).toBe(damerauLevenshtein(b, a, 10));
      }),
    );
  });
});

describe('compareNewestFirst', () => {
  it('orders by date descending, then by title', () => {
    const list = [doc('a/beta.md', { date: '2026-01-01' }), doc('a/none.md'), doc('a/alpha.md', { date: '2026-01-01' }), doc('a/new.md', { date: '2026-03-01' })];
    expect(list.sort(compareNewestFirst).map((d) => d.title)).toEqual(['new', 'alpha', 'beta', 'none']);
  });
});
