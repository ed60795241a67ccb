import { describe, expect, test } from 'vitest';
import type { DocRecord } from '../../src/digest/types.js';
import { articleIdentity, planPosts, seenOf } from '../../src/follow/plan.js';
import type { Subscription } from '../../src/follow/store.js';
import { docRecord } from '../helpers/records.js';

function article(path: string, fields: Partial<DocRecord> = {}): DocRecord {
  return docRecord(path, { kind: 'article', date: '2025-01-09', topics: ['芯片'], ...fields });
}

function sub(channelId: string, topic: string, paused = false): Subscription {
  return { channelId, guildId: 'g', topic, createdBy: 'u', createdAt: 0, pausedAt: paused ? 1 : null, pauseReason: paused ? '403' : null };
}

const nothingKnown = () => false;
const posts = (plan: ReturnType<typeof planPosts>) => plan.deliveries.map((d) => [d.channelId, d.path, d.topics]);

describe('articleIdentity', () => {
  test('is the source link when the article has one, whatever its path or title', () => {
    const a = article('01-博客/a.md', { url: 'https://example.com/post/1', title: '一' });
    const renamed = article('01-博客/其他/改名.md', { url: 'https://example.com/post/1', title: '一（修订）' });
    expect(articleIdentity(a)).toBe('url:example.com/post/1');
    expect(articleIdentity(renamed)).toBe(articleIdentity(a));
  });

  test('treats copies of one link as one source: scheme, www, trailing slash, fragment and utm_ parameters aside', () => {
    const same = [
      'https://example.com/post/1',
      'http://www.example.com/post/1/',
      'https://EXAMPLE.com/post/1#section',
      'https://example.com/post/1?utm_source=rss&utm_medium=article',
    ];
    expect(new Set(same.map((url) => articleIdentity(article('a.md', { url }))))).toEqual(new Set(['url:example.com/post/1']));
    expect(articleIdentity(article('a.md', { url: 'https://example.com/post?id=2&utm_source=x' }))).toBe('url:example.com/post?id=2');
    expect(articleIdentity(article('a.md', { url: 'https://example.com/post?id=3' }))).not.toBe(articleIdentity(article('a.md', { url: 'https://example.com/post?id=2' })));
  });

  test('without a web link: the date and the title, spacing and width aside', () => {
    expect(articleIdentity(article('a.md', { title: '光子芯片 进入数据中心', date: '2025-01-09' }))).toBe('title:2025-01-09 光子芯片进入数据中心');
    expect(articleIdentity(article('b.md', { title: '光子芯片进入数据中心', date: '2025-01-09', url: 'obsidian://open?x' }))).toBe(
      'title:2025-01-09 光子芯片进入数据中心',
    );
    expect(articleIdentity(article('c.md', { title: 'ＧＰＵ', date: '' }))).toBe('title: gpu');
    expect(articleIdentity(article('d.md', { title: '光子芯片进入数据中心', date: '2025-01-10' }))).not.toBe(
      articleIdentity(article('a.md', { title: '光子芯片进入数据中心', date: '2025-01-09' })),
    );
  });
});

describe('planPosts', () => {
  test('posts each new article to every active channel following one of its topics, once per channel', () => {
    const subs = [sub('c1', '芯片'), sub('c1', '英伟达'), sub('c2', '英伟达'), sub('c3', 'OpenAI'), sub('c4', '芯片', true)];
    const plan = planPosts([article('01-博客/新芯片.md', { topics: ['芯片', '英伟达'] })], subs, nothingKnown);
    expect(posts(plan)).toEqual([
      ['c1', '01-博客/新芯片.md', ['芯片', '英伟达']],
      ['c2', '01-博客/新芯片.md', ['英伟达']],
    ]);
    expect(plan.deliveries[0]!.identity).toBe(articleIdentity(article('01-博客/新芯片.md')));
  });

  test('matches topics however they are cased or spaced', () => {
    const plan = planPosts([article('a.md', { topics: ['claude code'] })], [sub('c1', 'Claude Code')], nothingKnown);
    expect(posts(plan)).toEqual([['c1', 'a.md', ['Claude Code']]]);
  });

  test('a burst goes out oldest first, undated last', () => {
    const burst = [
      article('b.md', { date: '2025-01-08' }),
      article('undated.md', { date: '' }),
      article('a.md', { date: '2025-01-03' }),
      article('c.md', { date: '2025-01-08', title: '甲' }),
    ];
    expect(planPosts(burst, [sub('c1', '芯片')], nothingKnown).deliveries.map((d) => d.path)).toEqual(['a.md', 'b.md', 'c.md', 'undated.md']);
  });

  test('a renamed file is not posted again: its identity is known', () => {
    const original = article('01-博客/旧名.md', { url: 'https://example.com/1' });
    const known = new Set(seenOf([original]).map((s) => s.identity));
    const renamed = article('01-博客/新名.md', { url: 'https://example.com/1' });
    expect(planPosts([renamed], [sub('c1', '芯片')], (identity) => known.has(identity)).deliveries).toEqual([]);
  });

  test('an article known by its path is not new, even if its link changed', () => {
    const plan = planPosts([article('01-博客/a.md', { url: 'https://example.com/fixed' })], [sub('c1', '芯片')], (_identity, path) => path === '01-博客/a.md');
    expect(plan.deliveries).toEqual([]);
  });

  test('two new files of one source are posted once', () => {
    const twins = [article('a.md', { url: 'https://example.com/1', date: '2025-01-02' }), article('a-2.md', { url: 'https://example.com/1', date: '2025-01-02' })];
    expect(planPosts(twins, [sub('c1', '芯片')], nothingKnown).deliveries.map((d) => d.path)).toEqual(['a.md']);
  });

  test('only articles are posted: topic pages, resources and books are not', () => {
    const docs = [article('00-元语/芯片.md', { kind: 'topic' }), article('02-资源/r.md', { kind: 'resource' }), article('03-图书/b.md', { kind: 'book' })];
    expect(planPosts(docs, [sub('c1', '芯片')], nothingKnown).deliveries).toEqual([]);
  });

  test('every candidate is returned to remember as seen, posted or not', () => {
    const docs = [article('a.md', { url: 'https://example.com/a' }), article('00-元语/芯片.md', { kind: 'topic', title: '芯片', date: '' })];
    expect(planPosts(docs, [], nothingKnown).seen).toEqual([
      { identity: 'url:example.com/a', path: 'a.md' },
      { identity: 'title: 芯片', path: '00-元语/芯片.md' },
    ]);
  });
});
