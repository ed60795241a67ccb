import { describe, expect, it } from 'vitest';
import { askJson, askText, suggestionsText, summaryJson, summaryText, topicJson, topicText } from '../../src/cli/output.js';
import type { AskAnswer, SummaryAnswer, TopicAnswer } from '../../src/search/answers.js';

const ASK: AskAnswer = {
  query: 'Spark 速度',
  total: 1,
  nearestTopics: [],
  results: [
    {
      path: '01-博客/甲/文.md',
      id: 'abcdefghij',
      title: '标题',
      url: 'https://example.com/a',
      date: '2026-02-12',
      author: '作者',
      sourceName: '来源',
      score: 0.9,
      oneLine: '一句话。',
      bullets: [
        { kind: 'keyPoint', text: '要点。', score: 3 },
        { kind: 'risk', text: '风险。', score: 1 },
      ],
      topics: ['OpenAI'],
      related: [],
    },
  ],
};

const TOPIC: TopicAnswer = {
  query: 'llm',
  topic: 'LLM',
  definition: '定义。',
  aliases: ['大语言模型'],
  total: 1,
  results: [{ path: '01-博客/甲/文.md', id: 'abcdefghij', title: '标题', date: '', url: '' }],
  suggestions: [],
};

const SUMMARY: SummaryAnswer = {
  query: '标题',
  results: [
    {
      path: '01-博客/甲/文.md',
      id: 'abcdefghij',
      kind: 'article',
      title: '标题',
      date: '2026-02-12',
      author: '作者',
      sourceName: '来源',
      url: 'https://example.com/a',
      oneLine: '一句话。',
      keyPoints: ['要点。'],
      risks: ['风险。'],
      topics: ['OpenAI'],
      related: [{ target: '01-博客/乙/另一篇', title: '另一篇', reason: '同一事件' }],
      definition: '',
      aliases: [],
      score: 120,
    },
  ],
};

describe('askJson', () => {
  it('puts the contract fields first, bullets as text with their kinds beside', () => {
    const json = askJson(ASK) as { results: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['query', 'total', 'results', 'nearestTopics']);
    expect(Object.keys(json.results[0]!).slice(0, 5)).toEqual(['path', 'title', 'url', 'score', 'bullets']);
    expect(json.results[0]).toEqual({
      path: '01-博客/甲/文.md',
      title: '标题',
      url: 'https://example.com/a',
      score: 0.9,
      bullets: ['要点。', '风险。'],
      bulletKinds: ['keyPoint', 'risk'],
      date: '2026-02-12',
      oneLine: '一句话。',
      id: 'abcdefghij',
    });
  });
});

describe('topicJson', () => {
  it('gives query, topic, total and results of path, title, date', () => {
    const json = topicJson(TOPIC) as { results: Record<string, unknown>[] };
    expect(Object.keys(json).slice(0, 4)).toEqual(['query', 'topic', 'total', 'results']);
    expect(json).toEqual({
      query: 'llm',
      topic: 'LLM',
      total: 1,
      results: [{ path: '01-博客/甲/文.md', title: '标题', date: '', url: '', id: 'abcdefghij' }],
      definition: '定义。',
      aliases: ['大语言模型'],
      suggestions: [],
    });
  });
});

describe('summaryJson', () => {
  it('gives path, title, url, oneLine, keyPoints and risks first', () => {
    const json = summaryJson(SUMMARY) as { results: Record<string, unknown>[] };
    expect(Object.keys(json.results[0]!).slice(0, 6)).toEqual(['path', 'title', 'url', 'oneLine', 'keyPoints', 'risks']);
    expect(json.results[0]).toMatchObject({ keyPoints: ['要点。'], risks: ['风险。'], related: SUMMARY.results[0]!.related, score: 120 });
  });
});

describe('text renderers', () => {
  it('prints an ask answer with labelled bullets', () => {
    expect(askText(ASK)).toBe(
      '「Spark 速度」共 1 篇相关：\n\n1. 标题  (0.9)\n   01-博客/甲/文.md\n   https://example.com/a\n   2026-02-12\n   - [要点] 要点。\n   - [风险] 风险。',
    );
  });

  it('says when nothing was found, with the nearest topics', () => {
    expect(askText({ query: '量子', results: [], total: 0, nearestTopics: ['LLM', 'OpenAI'] })).toBe('没有找到能回答「量子」的文章。\n相近的主题：LLM、OpenAI');
    expect(askText({ query: '量子', results: [], total: 0, nearestTopics: [] })).toBe('没有找到能回答「量子」的文章。');
  });

  it('prints a topic with its aliases, definition and articles', () => {
    expect(topicText(TOPIC)).toBe('主题：LLM（共 1 篇）\n别名：大语言模型\n定义。\n\n- 日期不详  标题\n  01-博客/甲/文.md');
    expect(topicText({ ...TOPIC, topic: null, suggestions: ['LLM'] })).toBe('没有名为「llm」的主题。\n你是不是要找：LLM');
  });

  it('prints a whole summary', () => {
    expect(summaryText(SUMMARY)).toBe(
      '标题\n01-博客/甲/文.md\n2026-02-12 · 作者 · 来源\nhttps://example.com/a\n\n一句话。\n\n要点：\n- 要点。\n\n风险：\n- 风险。\n\n相关文档：\n- 另一篇（同一事件）\n\n主题：OpenAI',
    );
    expect(summaryText({ query: '无', results: [] })).toBe('没有找到标题像「无」的文章。');
  });

  it('shows the link a reply would use: the source, else the page on the site, else none beside the path', () => {
    const site = 'https://digest.example.com/';
    const page = 'https://digest.example.com/01-%E5%8D%9A%E5%AE%A2/%E7%94%B2/%E6%96%87';
    expect(askText(ASK, site)).toContain('\n   https://example.com/a\n');
    expect(askText({ ...ASK, results: [{ ...ASK.results[0]!, url: '' }] }, site)).toContain(`\n   ${page}\n`);
    expect(topicText(TOPIC, site)).toBe(`主题：LLM（共 1 篇）\n别名：大语言模型\n定义。\n\n- 日期不详  标题\n  01-博客/甲/文.md\n  ${page}`);
    expect(summaryText({ ...SUMMARY, results: [{ ...SUMMARY.results[0]!, url: 'javascript:alert(1)' }] })).not.toContain('javascript');
    expect(summaryText({ ...SUMMARY, results: [{ ...SUMMARY.results[0]!, url: '' }] }, site)).toContain(`\n${page}\n`);
  });

  it('prints suggestions one per line', () => {
    expect(suggestionsText([{ name: 'a', value: 'a' }, { name: 'b → c', value: 'c' }])).toBe('a\nb → c');
    expect(suggestionsText([])).toBe('（无建议）');
  });
});
