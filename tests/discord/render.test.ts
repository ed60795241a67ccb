import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { DocRecord } from '../../src/digest/types.js';
import { renderAsk } from '../../src/discord/render/ask.js';
import type { OpenOption } from '../../src/discord/render/components.js';
import { replyLinks, type LinkLookup, type Links } from '../../src/discord/render/links.js';
import { noSummaryText, renderSummary } from '../../src/discord/render/summary.js';
import { renderTopic, unknownTopicText } from '../../src/discord/render/topic.js';
import { CUT_MARK } from '../../src/discord/text.js';
import { prepare } from '../../src/discord/reply.js';
import type { AskAnswer, AskHit, IndexStats, TopicAnswer } from '../../src/search/answers.js';
import { NOT_WEB } from '../helpers/urls.js';
import { limitViolations } from './withinLimits.js';

/** Text as a vault may hold it: Chinese without spaces, markdown characters, emoji, very long. */
const char = fc.constantFrom('芯', '片', '英', '伟', '达', '，', '。', '*', '_', '`', '[', ']', '(', ')', '|', '~', '#', '>', '@', '\\', ' ', '\n', 'a', '😀');
// `size: 'max'` so lengths reach the limits; fast-check's default keeps strings short.
const text = (max: number) => fc.string({ unit: char, maxLength: max, size: 'max' });
const url = fc.oneof(fc.webUrl(), fc.constantFrom(...NOT_WEB, 'https://example.com/a_(b)', 'https://example.com/a)](javascript:alert(1))'));
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

/**
 * Links with or without a site, over a vault that holds a page for some topics and related
 * targets (with any source url): every path a reply can take, linked or not.
 */
const links: fc.Arbitrary<Links> = fc.record({ site: fc.constantFrom(undefined, 'https://digest.example.com/', 'http://127.0.0.1:8080/a b/'), source: url }).map(({ site, source }) => {
  const held = (name: string) => (name.length % 3 === 0 ? undefined : { path: `00-元语/${name}.md`, url: name.length % 2 ? source : '' });
  const vault: LinkLookup = { topicPage: held, resolveLink: held };
  return replyLinks(site, vault);
});
// Bounded: shrinking a failure this large could otherwise run for minutes; a slow run fails.
const RUNS = { numRuns: 60, interruptAfterTimeLimit: 20_000, markInterruptAsFailure: true };

describe('any engine answer renders within every Discord limit, with only http(s) links', () => {
  test('/ask', () => {
    fc.assert(fc.property(ask, stats, page, options, links, (a, s, p, o, l) => void expect(limitViolations(prepare(renderAsk(a, s, p, o, l)))).toEqual([])), RUNS);
  });

  test('/topic', () => {
    fc.assert(fc.property(topic, stats, fc.nat(9990), links, (t, s, offset, l) => void expect(limitViolations(prepare(renderTopic(t, s, offset, l)))).toEqual([])), RUNS);
  });

  test('/summary', () => {
    fc.assert(fc.property(doc, stats, options, links, fc.nat(5), (d, s, o, l, others) => void expect(limitViolations(prepare(renderSummary(d, s, o, l, others)))).toEqual([])), RUNS);
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

const SITE = 'https://digest.example.com/';
/** The vault behind the exact tests: a page for the topic 芯片, and one related article. */
const VAULT: LinkLookup = {
  topicPage: (name) => (name === '芯片' ? { path: '00-元语/芯片.md', url: '' } : undefined),
  resolveLink: (target) => (target === '01-博客/b' ? { path: '01-博客/b.md', url: '' } : undefined),
};
const NO_SITE = replyLinks(undefined, VAULT);
const WITH_SITE = replyLinks(SITE, VAULT);
const PAGE_A = 'https://digest.example.com/01-%E5%8D%9A%E5%AE%A2/a';
const PAGE_B = 'https://digest.example.com/01-%E5%8D%9A%E5%AE%A2/b';
const PAGE_CHIP = 'https://digest.example.com/00-%E5%85%83%E8%AF%AD/%E8%8A%AF%E7%89%87';

describe('renderAsk', () => {
  const answer = (hit: AskHit): AskAnswer => ({ query: '英伟达', results: [hit], total: 1, nearestTopics: [] });
  const firstPage = { offset: 0, limit: 5, since: '' };

  test('labels bullets 要点 / 风险, escapes the title, and puts byline and index in the footer', () => {
    const reply = renderAsk(answer({ ...HIT, url: 'https://example.com/a' }), STATS, firstPage, [], NO_SITE);
    expect(reply.content).toBe('「英伟达」共 1 篇相关：');
    expect(reply.embeds).toEqual([
      {
        title: '\\*\\*OpenAI\\*\\* 绕过英伟达',
        url: 'https://example.com/a',
        description: '**要点** 速度：每秒 1,000 个 Token\n**风险** 风险：未经独立验证 @everyone',
        footer: { text: '2025-01-30 · 张三 · 机器之心 · 索引共 1234 篇，更新于' },
        timestamp: '2025-01-31T08:00:00.000Z',
      },
    ]);
    expect(reply.components).toEqual([{ type: 1, components: [{ type: 2, style: 1, label: '公开分享', custom_id: 'v1|share' }] }]);
  });

  test('a source that is not a web address is dropped: the title links to the site page, or the footer shows the vault path', () => {
    const [withSite] = renderAsk(answer(HIT), STATS, firstPage, [], WITH_SITE).embeds!;
    expect(withSite!.url).toBe(PAGE_A);
    expect(withSite!.footer!.text).toBe('2025-01-30 · 张三 · 机器之心 · 索引共 1234 篇，更新于');
    const [noSite] = renderAsk(answer(HIT), STATS, firstPage, [], NO_SITE).embeds!;
    expect(noSite!.url).toBeUndefined();
    expect(noSite!.footer!.text).toBe('01-博客/a.md · 2025-01-30 · 张三 · 机器之心 · 索引共 1234 篇，更新于');
  });

  test('a question with emoji too long for a custom id still answers, without page buttons', () => {
    const query = '😀'.repeat(60);
    const reply = renderAsk({ query, results: [HIT], total: 20, nearestTopics: [] }, STATS, { offset: 0, limit: 1, since: '' }, [], NO_SITE);
    expect(reply.components![0]!.components.map((c) => ('label' in c ? c.label : ''))).toEqual(['公开分享']);
  });
});

describe('renderTopic', () => {
  const TOPIC: TopicAnswer & { topic: string } = {
    query: 'chip',
    topic: '芯片',
    definition: '集成电路。',
    aliases: [],
    total: 3,
    results: [
      { path: '01-博客/c.md', id: 'cccccccccc', title: '有来源', date: '2025-01-03', url: 'https://example.com/c' },
      { path: '01-博客/a.md', id: 'aaaaaaaaaa', title: '没有来源', date: '2025-01-02', url: '' },
      { path: '01-博客/b.md', id: 'bbbbbbbbbb', title: '坏的来源', date: '', url: 'javascript:alert(1)' },
    ],
    suggestions: [],
  };

  test('with a site: the topic links to its page, each article to its source or its page', () => {
    const [embed] = renderTopic(TOPIC, STATS, 0, WITH_SITE).embeds!;
    expect(embed!.url).toBe(PAGE_CHIP);
    expect(embed!.description).toBe(
      `集成电路。\n\n1. [有来源](https://example.com/c) · 2025-01-03\n2. [没有来源](${PAGE_A}) · 2025-01-02\n3. [坏的来源](${PAGE_B})`,
    );
  });

  test('without one: sources link, the rest show their vault path, the topic is not linked', () => {
    const [embed] = renderTopic(TOPIC, STATS, 0, NO_SITE).embeds!;
    expect(embed!.url).toBeUndefined();
    expect(embed!.description).toBe('集成电路。\n\n1. [有来源](https://example.com/c) · 2025-01-03\n2. 没有来源 · 01-博客/a.md · 2025-01-02\n3. 坏的来源 · 01-博客/b.md');
  });

  test('links that do not all fit: the first ones linked, every article still listed', () => {
    const long = `${SITE}${'x'.repeat(1500)}`;
    const results = Array.from({ length: 10 }, (_, i) => ({ path: `01-博客/${i}.md`, id: `id${i}`.padEnd(10, '0'), title: `第${i}篇`, date: '', url: long }));
    const [embed] = renderTopic({ ...TOPIC, results, definition: '' }, STATS, 0, NO_SITE).embeds!;
    const lines = embed!.description!.split('\n');
    expect(lines).toHaveLength(10);
    expect(lines.filter((l) => l.includes('](')).length).toBe(2);
    expect(lines[9]).toBe('10. 第9篇');
  });
});

describe('renderSummary', () => {
  const DOC: DocRecord = {
    path: '01-博客/a.md',
    kind: 'article',
    title: '晶圆级芯片',
    date: '2025-01-06',
    author: 'Cerebras',
    sourceName: '',
    url: '',
    oneLine: '一句话。',
    keyPoints: [],
    risks: [],
    topics: ['芯片', '没有页面'],
    related: [
      { target: '01-博客/b', title: '在库中', reason: '' },
      { target: '01-博客/不在库中', title: '不在库中', reason: '' },
    ],
    definition: '',
    aliases: [],
  };

  test('with a site: the title, the topics with a page and the related documents the vault holds are linked', () => {
    const [embed] = renderSummary(DOC, STATS, [], WITH_SITE).embeds!;
    expect(embed!.url).toBe(PAGE_A);
    expect(embed!.footer!.text).toBe('2025-01-06 · Cerebras · 索引共 1234 篇，更新于');
    expect(embed!.fields).toEqual([
      { name: '关联主题', value: `[芯片](${PAGE_CHIP})、没有页面` },
      { name: '相关文档', value: `[在库中](${PAGE_B})\n不在库中` },
    ]);
  });

  test('without one: the vault paths as text, in the footer and beside the related document', () => {
    const [embed] = renderSummary(DOC, STATS, [], NO_SITE).embeds!;
    expect(embed!.url).toBeUndefined();
    expect(embed!.footer!.text).toBe('01-博客/a.md · 2025-01-06 · Cerebras · 索引共 1234 篇，更新于');
    expect(embed!.fields).toEqual([
      { name: '关联主题', value: '芯片、没有页面' },
      { name: '相关文档', value: '在库中 · 01-博客/b.md\n不在库中' },
    ]);
  });
});

describe('echoing what the user typed', () => {
  const typed = '**芯片**' + '芯'.repeat(5994);
  const echoed = `\\*\\*芯片\\*\\*${'芯'.repeat(100 - 10 - CUT_MARK.length)}${CUT_MARK}`;

  test('an unknown topic or title repeats the first hundred characters of it, escaped', () => {
    expect(unknownTopicText({ query: typed, topic: null, definition: '', aliases: [], total: 0, results: [], suggestions: [] })).toBe(
      `没有名为「${echoed}」的主题。可以在输入时从自动补全中选择主题。`,
    );
    expect(noSummaryText(typed)).toBe(`没有标题与「${echoed}」相符的文章。试试标题中的几个字，或在输入时从自动补全中选择。`);
  });
});
