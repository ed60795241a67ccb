import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { DATABASE_FILE, FollowStore, MIGRATIONS, type Delivery } from '../../src/follow/store.js';
import { cleanupTemp, tempDir } from '../helpers/vault.js';

const open: FollowStore[] = [];
const openStore = (dir: string, migrations?: readonly string[]) => {
  const store = FollowStore.open(dir, migrations);
  open.push(store);
  return store;
};
afterEach(() => {
  for (const store of open.splice(0)) store.close();
  cleanupTemp();
});

/** The schema version the database file is at, read beside the store's own connection. */
function versionOf(dir: string): number {
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

const CHANNEL = '1300000000000000001';
const OTHER_CHANNEL = '1300000000000000002';
const GUILD = '1300000000000000009';
const follow = (store: FollowStore, topic: string, channelId = CHANNEL, now = 1000) =>
  store.follow({ channelId, guildId: GUILD, topic, userId: 'u1', now });

const delivery = (identity: string, channelId = CHANNEL): Delivery => ({ identity, channelId, path: `01-博客/${identity}.md`, date: '2025-01-09', topics: ['芯片'] });

describe('migrations', () => {
  test('an empty folder gets a database at the latest version, in WAL mode, with every table', () => {
    const dir = join(tempDir(), 'not-yet');
    openStore(dir);
    expect(existsSync(join(dir, DATABASE_FILE))).toBe(true);
    expect(versionOf(dir)).toBe(MIGRATIONS.length);
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    expect(tables).toEqual(['known_articles', 'meta', 'posted', 'subscriptions']);
  });

  test('an existing database keeps its data and runs only the migrations it has not had', () => {
    const dir = tempDir();
    follow(openStore(dir), '芯片');
    open.pop()!.close();

    const added = 'CREATE TABLE later (x INTEGER)';
    const store = openStore(dir, [...MIGRATIONS, added]);
    expect(versionOf(dir)).toBe(MIGRATIONS.length + 1);
    expect(store.subscriptions(CHANNEL).map((s) => s.topic)).toEqual(['芯片']);
    open.pop()!.close();
    // Opening again at the same version runs nothing: a second CREATE TABLE would throw.
    openStore(dir, [...MIGRATIONS, added]);
    expect(versionOf(dir)).toBe(MIGRATIONS.length + 1);
  });

  test('a failed migration leaves the database at the version before it', () => {
    const dir = tempDir();
    openStore(dir);
    open.pop()!.close();
    expect(() => openStore(dir, [...MIGRATIONS, 'CREATE TABLE fine (x INTEGER); NOT SQL'])).toThrow();
    expect(versionOf(dir)).toBe(MIGRATIONS.length);
    openStore(dir, [...MIGRATIONS, 'CREATE TABLE fine (x INTEGER)']);
    expect(versionOf(dir)).toBe(MIGRATIONS.length + 1);
  });

  test('a database from a newer version of the bot is refused, not misread', () => {
    const dir = tempDir();
    openStore(dir, [...MIGRATIONS, 'CREATE TABLE later (x INTEGER)']);
    open.pop()!.close();
    expect(() => openStore(dir)).toThrow(`the database is at version ${MIGRATIONS.length + 1}, newer than this code knows (${MIGRATIONS.length})`);
  });
});

describe('subscriptions', () => {
  test('follow, list and unfollow, per channel', () => {
    const store = openStore(tempDir());
    expect(follow(store, '芯片', CHANNEL, 1)).toEqual({ added: true, resumed: 0 });
    expect(follow(store, '英伟达', CHANNEL, 2)).toEqual({ added: true, resumed: 0 });
    expect(follow(store, '芯片', OTHER_CHANNEL, 3)).toEqual({ added: true, resumed: 0 });
    expect(follow(store, '芯片', CHANNEL, 4)).toEqual({ added: false, resumed: 0 });
    expect(store.subscriptions(CHANNEL)).toEqual([
      { channelId: CHANNEL, guildId: GUILD, topic: '芯片', createdBy: 'u1', createdAt: 1, pausedAt: null, pauseReason: null },
      { channelId: CHANNEL, guildId: GUILD, topic: '英伟达', createdBy: 'u1', createdAt: 2, pausedAt: null, pauseReason: null },
    ]);
    expect(store.unfollow(CHANNEL, '芯片')).toBe(true);
    expect(store.unfollow(CHANNEL, '芯片')).toBe(false);
    expect(store.subscriptions(CHANNEL).map((s) => s.topic)).toEqual(['英伟达']);
    expect(store.subscriptions(OTHER_CHANNEL).map((s) => s.topic)).toEqual(['芯片']);
  });

  test('pausing a channel pauses all its topics, drops what was queued for it, and leaves other channels alone', () => {
    const store = openStore(tempDir());
    follow(store, '芯片');
    follow(store, '英伟达');
    follow(store, '芯片', OTHER_CHANNEL);
    store.enqueue([delivery('a'), delivery('a', OTHER_CHANNEL)], 5);
    expect(store.pauseChannel(CHANNEL, '403 50001 Missing Access', 10)).toBe(2);
    expect(store.subscriptions(CHANNEL).map((s) => [s.topic, s.pausedAt, s.pauseReason])).toEqual([
      ['芯片', 10, '403 50001 Missing Access'],
      ['英伟达', 10, '403 50001 Missing Access'],
    ]);
    expect(store.activeSubscriptions().map((s) => s.channelId)).toEqual([OTHER_CHANNEL]);
    expect(store.queued()).toEqual([delivery('a', OTHER_CHANNEL)]);
    // Already paused: nothing more to pause.
    expect(store.pauseChannel(CHANNEL, 'again', 11)).toBe(0);
  });

  test('following anything in a paused channel resumes every topic of the channel', () => {
    const store = openStore(tempDir());
    follow(store, '芯片');
    follow(store, '英伟达');
    store.pauseChannel(CHANNEL, '403', 10);
    expect(follow(store, '芯片')).toEqual({ added: false, resumed: 2 });
    expect(store.subscriptions(CHANNEL).map((s) => [s.topic, s.pausedAt, s.pauseReason])).toEqual([
      ['芯片', null, null],
      ['英伟达', null, null],
    ]);
  });
});

describe('articles seen and posts', () => {
  test('an article is known by its identity under any path, and by any path it had', () => {
    const store = openStore(tempDir());
    store.remember([{ identity: 'url:example.com/a', path: '01-博客/a.md' }], 1);
    expect(store.isKnown('url:example.com/a', '01-博客/renamed.md')).toBe(true);
    expect(store.isKnown('url:example.com/edited', '01-博客/a.md')).toBe(true);
    expect(store.isKnown('url:example.com/b', '01-博客/b.md')).toBe(false);
  });

  test('an article goes to a channel once: queued again, before or after it was sent, it is not added', () => {
    const store = openStore(tempDir());
    expect(store.enqueue([delivery('a'), delivery('b'), delivery('a', OTHER_CHANNEL)], 1)).toBe(3);
    expect(store.enqueue([delivery('a')], 2)).toBe(0);
    store.finish('a', CHANNEL, 'sent', 3, 'm1');
    expect(store.isQueued('a', CHANNEL)).toBe(false);
    expect(store.enqueue([delivery('a')], 4)).toBe(0);
    expect(store.queued()).toEqual([delivery('b'), delivery('a', OTHER_CHANNEL)]);
  });

  test('what was queued survives closing the database, in the order it was planned', () => {
    const dir = tempDir();
    openStore(dir).enqueue([delivery('b'), delivery('a')], 1);
    open.pop()!.close();
    expect(openStore(dir).queued()).toEqual([delivery('b'), delivery('a')]);
  });

  test('a transaction that throws stores none of its work', () => {
    const store = openStore(tempDir());
    expect(() =>
      store.transaction(() => {
        store.remember([{ identity: 'x', path: 'x.md' }], 1);
        store.enqueue([delivery('x')], 1);
        throw new Error('crash');
      }),
    ).toThrow('crash');
    expect(store.isKnown('x', 'x.md')).toBe(false);
    expect(store.queued()).toEqual([]);
  });

  test('meta values are set and replaced', () => {
    const store = openStore(tempDir());
    expect(store.meta('baseline')).toBeNull();
    store.setMeta('baseline', 'one');
    store.setMeta('baseline', 'two');
    expect(store.meta('baseline')).toBe('two');
  });
});
