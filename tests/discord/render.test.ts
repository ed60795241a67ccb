import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { DocRecord } from '../../src/digest/types.js';
import { renderAsk } from '../../src/discord/render/ask.js';
import type { OpenOption } from '../../src/discord/render/components.js';
import { renderSummary } from '../../src/discord/render/summary.js';
import { renderTopic } from '../../src/discord/render/topic.js';
import { prepare } from '../../src/discord/reply.js';
import type { AskAnswer, AskHit, IndexStats, TopicAnswer } from '../../src/search/answers.js';
import { limitViolations } from './withinLimits.js';

/** Text as a vault may hold it: Chinese without spaces, markdown characters, emoji, very long. */
const char = fc.constantFrom('芯', '片', '英', '伟', '达', '，', '。', '*', '_', '`', '[', ']', '(', ')', '|', '~', '#', '>', '@', '\\', ' ', '\n', 'a', '😀');
// `size: 'max'` so lengths reach the limits; fast-check's default keeps strings short.
const text = (max: number) => fc.string({ unit: char, maxLength: max, size: 'max' });
const url = fc.oneof(fc.webUrl(), fc.constantFrom('', 'javascript:alert(1)', 'data:text/html,x', 'ftp://example.com/x', 'https://example.com/a_(b)'));
const day = fc.oneof(fc.constant(''), fc.constant('2025-01-31'));
const id = fc.string({ unit: fc.constantFrom('a', 'B', '0', '-', '_'), minLength: 10, maxLength: 10 });

const stats: fc.Arbitrary<IndexStats> = fc.record({
  articles: fc.nat(100_000),
  topics: fc.nat(10_000),
  files: fc.nat(100_000),
  builtAt: fc.integer({ min: 0, max: 4_102_444_800_000 }),
  buildMs: fc.nat(100_000),
});

const related = fc.record({ target: text(80), title: text(200), reason: text(300) });

const doc: fc.Arbitrary<DocRecord & { id: string }> = fc.record({
  id,
  path: text(100),
  kind: fc.constantFrom('article', 'resource', 'topic', 'book'),
  title: text(400),
  date: day,
  author: text(100),
  sourceName: text(100),
  url,
  oneLine: text(5000),
  keyPoints: fc.array(text(1500), { maxLength: 40 }),
  risks: fc.array(text(1500), { maxLength: 20 }),
  topics: fc.array(text(120), { maxLength: 30 }),
  related: fc.array(related, { maxLength: 10 }),
  definition: text(100),
  aliases: fc.array(text(20), { maxLength: 3 }),
});

const hit: fc.Arbitrary<AskHit> = fc.record({
  path: text(100),
  id,
  title: text(400),
  url,
  date: day,
  author: text(100),
  sourceName: text(100),
  score: fc.double({ min: 0, max: 100, noNaN: true }),
  oneLine: text(3000),
  bullets: fc.array(fc.record({ kind: fc.constantFrom('keyPoint' as const, 'risk' as const), text: text(2000), score: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 12 }),
  topics: fc.array(text(50), { maxLength: 10 }),
  related: fc.array(related, { maxLength: 5 }),
});

const ask: fc.Arbitrary<AskAnswer> = fc.record({
  query: text(60),
  results: fc.array(hit, { minLength: 1, maxLength: 10 }),
  total: fc.nat(1000),
  nearestTopics: fc.array(text(30), { maxLength: 5 }),
});

const topic: fc.Arbitrary<TopicAnswer & { topic: string }> = fc.record({
  query: text(100),
  topic: text(150),
  definition: text(5000),
  aliases: fc.array(text(100), { maxLength: 20 }),
  total: fc.nat(1000),
  results: fc.array(fc.record({ path: text(50), id, title: text(400), date: day, url }), { maxLength: 10 }),
  suggestions: fc.constant([]),
});

const options: fc.Arbitrary<OpenOption[]> = fc.array(
  fc.record({
    target: fc.oneof(id.map((i) => ({ kind: 'doc' as const, id: i })), text(150).map((name) => ({ kind: 'topic' as const, name }))),
    label: text(200),
    description: text(200),
  }),
  { maxLength: 60 },
);

const page = fc.record({ offset: fc.nat(9990), limit: fc.integer({ min: 1, max: 10 }), since: day });
// Bounded: shrinking a failure this large could otherwise run for minutes; a slow run fails.
const RUNS = { numRuns: 60, interruptAfterTimeLimit: 20_000, markInterruptAsFailure: true };

describe('any engine answer renders within every Discord limit, with only http(s) links', () => {
  test('/ask', () => {
    fc.assert(fc.property(ask, stats, page, options, (a, s, p, o) => void expect(limitViolations(prepare(renderAsk(a, s, p, o)))).toEqual([])), RUNS);
  });

  test('/topic', () => {
    fc.assert(fc.property(topic, stats, fc.nat(9990), (t, s, offset) => void expect(limitViolations(prepare(renderTopic(t, s, offset)))).toEqual([])), RUNS);
  });

  test('/summary', () => {
    fc.assert(fc.property(doc, stats, options, fc.nat(5), (d, s, o, others) => void expect(limitViolations(prepare(renderSummary(d, s, o, others)))).toEqual([])), RUNS);
  });
});

const STATS: IndexStats = { articles: 1234, topics: 56, files: 1300, builtAt: Date.UTC(2025, 0, 31, 8, 0), buildMs: 900 };
const HIT: AskHit = {
  path: '01-博客/a.md',
  id: 'abcdefghij',
  title: '**OpenAI** 绕过英伟达',
  url: 'javascript:alert(1)',
  date: '2025-01-30',
  author: '张三',
  sourceName: '机器之心',
  score: 1,
  oneLine: '一句话',
  bullets: [
    { kind: 'keyPoint', text: '速度：每秒 1,000 个 Token', score: 1 },
    { kind: 'risk', text: '风险：未经独立验证 @everyone', score: 0.5 },
  ],
  topics: ['OpenAI'],
  related: [],
};

describe('renderAsk', () => {
  test('labels bullets 要点 / 风险, escapes the title, drops a non-web url, and puts byline and index in the footer', () => {
    const reply = renderAsk({ query: '英伟达', results: [HIT], total: 1, nearestTopics: [] }, STATS, { offset: 0, limit: 5, since: '' }, []);
    expect(reply.content).toBe('「英伟达」共 1 篇相关：');
    expect(reply.embeds).toEqual([
      {
        title: '\\*\\*OpenAI\\*\\* 绕过英伟达',
        description: '**要点** 速度：每秒 1,000 个 Token\n**风险** 风险：未经独立验证 @everyone',
        footer: { text: '2025-01-30 · 张三 · 机器之心 · 索引共 1234 篇，更新于' },
        timestamp: '2025-01-31T08:00:00.000Z',
      },
    ]);
    expect(reply.components).toEqual([{ type: 1, components: [{ type: 2, style: 1, label: '公开分享', custom_id: 'v1|share' }] }]);
  });

  test('a question with emoji too long for a custom id still answers, without page buttons', () => {
    const query = '😀'.repeat(60);
    const reply = renderAsk({ query, results: [HIT], total: 20, nearestTopics: [] }, STATS, { offset: 0, limit: 1, since: '' }, []);
    expect(reply.components![0]!.components.map((c) => ('label' in c ? c.label : ''))).toEqual(['公开分享']);
  });
});
