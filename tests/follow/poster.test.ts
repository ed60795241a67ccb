import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { PacedQueues } from '../../src/follow/pace.js';
import { articleIdentity } from '../../src/follow/plan.js';
import { nonceOf, Poster, type SendResult } from '../../src/follow/poster.js';
import { FollowStore } from '../../src/follow/store.js';
import { openEngine, type Engine } from '../../src/search/engine.js';
import type { IndexUpdate } from '../../src/search/live.js';
import { cleanupTemp, copyVault, tempDir, writeVaultFile } from '../helpers/vault.js';

/** The poster with a store on disk and real engines, sending to a recorder instead of Discord. */

const article = (title: string, date: string, topic: string) => `---
title: "${title}"
date: ${date}
url: https://example.com/${encodeURIComponent(title)}
---

## 摘要

**一句话总结**
${title}。

## 关联主题

- [[00-元语/${topic}]]
`;

const NEW_LATER = '01-博客/新/晚一天的文章.md';
const NEW_EARLIER = '01-博客/新/早一天的文章.md';
const NEW_OTHER_TOPIC = '01-博客/新/别的主题.md';

let vault: string;
let before: Engine;
let after: Engine;

beforeAll(async () => {
  vault = copyVault();
  before = await openEngine({ dir: vault, persist: false });
  writeVaultFile(vault, NEW_LATER, article('晚一天的文章', '2025-02-02', 'OpenAI'));
  writeVaultFile(vault, NEW_EARLIER, article('早一天的文章', '2025-02-01', 'OpenAI'));
  writeVaultFile(vault, NEW_OTHER_TOPIC, article('别的主题', '2025-02-01', 'LLM'));
  after = await openEngine({ dir: vault, persist: false });
});
afterAll(cleanupTemp);

const added = (engine: Engine, ...paths: string[]): IndexUpdate => ({ engine, added: paths.map((p) => engine.byPath(p)!), changed: [], removed: [], ms: 0 });

interface Sent {
  channel: string;
  message: string;
  nonce: string;
}

let store: FollowStore;
let dataDir: string;
let sent: Sent[];
let answer: (channel: string) => SendResult;

const titled = (_engine: Engine, doc: { title: string }, topics: readonly string[]) => `${doc.title} [${topics.join('、')}]`;

function poster(render: typeof titled = titled): Poster<string> {
  return new Poster<string>({
    store,
    render,
    send: async (channel, message, nonce) => {
      sent.push({ channel, message, nonce });
      return answer(channel);
    },
    log: pino({ level: 'silent' }),
    // No waiting: the pace itself is tested on its own.
    queues: new PacedQueues({ limit: 1000, windowMs: 1 }),
  });
}

const follow = (channelId: string, topic: string) => store.follow({ channelId, guildId: 'g', topic, userId: 'u', now: 0 });

beforeEach(() => {
  dataDir = tempDir();
  store = FollowStore.open(dataDir);
  sent = [];
  answer = () => ({ ok: true, messageId: 'm' });
});
afterEach(() => store.close());

/** A poster that has already started once on the vault as it was. */
async function started(): Promise<Poster<string>> {
  const p = poster();
  p.start(before, vault);
  await p.idle();
  return p;
}

describe('at start', () => {
  test('a new database takes every article as seen and posts nothing, followers or not', async () => {
    follow('c1', 'OpenAI');
    const p = poster();
    p.start(after, vault);
    await p.idle();
    expect(sent).toEqual([]);
    expect(store.isKnown(articleIdentity(after.byPath(NEW_LATER)!), NEW_LATER)).toBe(true);
  });

  test('articles added while the bot was down are posted at the next start, oldest first', async () => {
    await started();
    follow('c1', 'OpenAI');
    const p = poster();
    p.start(after, vault);
    await p.idle();
    expect(sent.map((s) => [s.channel, s.message])).toEqual([
      ['c1', '早一天的文章 [OpenAI]'],
      ['c1', '晚一天的文章 [OpenAI]'],
    ]);
  });

  test('a restart with nothing new posts nothing', async () => {
    follow('c1', 'OpenAI');
    const first = await started();
    first.update(added(after, NEW_LATER, NEW_EARLIER));
    await first.idle();
    expect(sent).toHaveLength(2);
    const again = poster();
    again.start(after, vault);
    await again.idle();
    expect(sent).toHaveLength(2);
  });

  test('another vault in the same database is a new start, not a flood', async () => {
    await started();
    follow('c1', 'OpenAI');
    const p = poster();
    // The same files under another folder: what matters is that the database has not seen this one.
    p.start(after, tempDir());
    await p.idle();
    expect(sent).toEqual([]);
  });

  test('posts still queued when the bot stopped are sent at the next start, with the same nonce', async () => {
    await started();
    const identity = articleIdentity(after.byPath(NEW_LATER)!);
    store.enqueue([{ identity, channelId: 'c1', path: NEW_LATER, date: '2025-02-02', topics: ['OpenAI'] }], 0);
    const p = poster();
    p.start(after, vault);
    await p.idle();
    expect(sent).toEqual([{ channel: 'c1', message: '晚一天的文章 [OpenAI]', nonce: nonceOf(identity, 'c1') }]);
    expect(store.queued()).toEqual([]);
  });
});

describe('on an index update', () => {
  test('each added article of a followed topic goes to each following channel once, oldest first', async () => {
    follow('c1', 'OpenAI');
    follow('c2', 'OpenAI');
    follow('c2', 'LLM');
    const p = await started();
    p.update(added(after, NEW_LATER, NEW_EARLIER, NEW_OTHER_TOPIC));
    await p.idle();
    const by = (channel: string) => sent.filter((s) => s.channel === channel).map((s) => s.message);
    expect(by('c1')).toEqual(['早一天的文章 [OpenAI]', '晚一天的文章 [OpenAI]']);
    expect(by('c2')).toEqual(['别的主题 [LLM]', '早一天的文章 [OpenAI]', '晚一天的文章 [OpenAI]']);
    expect(store.queued()).toEqual([]);
  });

  test('a file renamed after it was posted is not posted again', async () => {
    follow('c1', 'OpenAI');
    const p = await started();
    p.update(added(after, NEW_LATER));
    await p.idle();
    const renamed = { ...after.byPath(NEW_LATER)!, path: '01-博客/新/改名后的文章.md' };
    p.update({ engine: after, added: [renamed], changed: [], removed: [after.byPath(NEW_LATER)!], ms: 0 });
    await p.idle();
    expect(sent.map((s) => s.message)).toEqual(['晚一天的文章 [OpenAI]']);
  });

  test('an edited file is never new, even when its link changes', async () => {
    follow('c1', 'OpenAI');
    const p = await started();
    const edited = { ...before.docs.find((d) => d.kind === 'article')!, url: 'https://example.com/moved', topics: ['OpenAI'] };
    p.update({ engine: before, added: [], changed: [edited], removed: [], ms: 0 });
    await p.idle();
    expect(sent).toEqual([]);
    expect(store.isKnown('url:example.com/moved', 'elsewhere.md')).toBe(true);
  });

  test('a channel the bot cannot post to is paused, its other posts dropped, and nothing retried', async () => {
    follow('c1', 'OpenAI');
    follow('c2', 'OpenAI');
    answer = (channel) => (channel === 'c1' ? { ok: false, unreachable: true, error: { status: 403, code: 50001, message: 'Missing Access' } } : { ok: true, messageId: 'm' });
    const p = await started();
    p.update(added(after, NEW_LATER, NEW_EARLIER));
    await p.idle();
    expect(sent.map((s) => s.channel)).toEqual(['c1', 'c2', 'c2']);
    expect(store.subscriptions('c1').map((s) => [s.pausedAt !== null, s.pauseReason])).toEqual([[true, '403 50001 Missing Access']]);
    expect(store.subscriptions('c2').map((s) => s.pausedAt)).toEqual([null]);
    expect(store.queued()).toEqual([]);
  });

  test('any other failure is given up for that post only: the subscription stays active', async () => {
    follow('c1', 'OpenAI');
    answer = () => ({ ok: false, unreachable: false, error: new Error('500') });
    const p = await started();
    p.update(added(after, NEW_LATER, NEW_EARLIER));
    await p.idle();
    expect(sent).toHaveLength(2);
    expect(store.activeSubscriptions()).toHaveLength(1);
    expect(store.queued()).toEqual([]);
  });

  test('an article that cannot be rendered is given up, not retried at every update', async () => {
    follow('c1', 'OpenAI');
    await started();
    const p = poster(() => {
      throw new Error('cannot render');
    });
    p.start(before, vault);
    p.update(added(after, NEW_LATER));
    await p.idle();
    p.update(added(after));
    await p.idle();
    expect(sent).toEqual([]);
    expect(store.queued()).toEqual([]);
    expect(store.activeSubscriptions()).toHaveLength(1);
  });
});
