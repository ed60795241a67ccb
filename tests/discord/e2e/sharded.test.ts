import { cpSync } from 'node:fs';
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cleanupTemp, tempDir, writeVaultFile } from '../../helpers/vault.js';
import { FakeDiscord, guildOnShard, snowflake } from '../fakeDiscord.js';
import { BOT_ARGS, botEnv, FIXTURE_VAULT, Process, startSharded } from './botProcess.js';

/** `npm run start:sharded` with SHARD_COUNT unset (auto) against a fake Discord that recommends 2 shards. */
let fake: FakeDiscord;
let manager: Process;
let vault: string;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  fake.recommendedShards = 2;
  // A copy of the fixture vault, which one test adds an article to.
  vault = tempDir('digest-sharded-vault-');
  cpSync(FIXTURE_VAULT, vault, { recursive: true });
  manager = startSharded(botEnv({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, DIGEST_DIR: vault }));
  await manager.waitForLog((l) => l.msg === 'all shards ready', 60_000);
  for (const shard of [0, 1]) await manager.waitForLog((l) => l.msg === 'index ready' && l.shard === shard);
}, 90_000);

afterAll(async () => {
  await manager?.stop();
  await fake?.close();
  cleanupTemp();
});

test('asks Discord (through DISCORD_API_URL) for the recommended count, and each shard identifies with its pair', () => {
  expect(manager.logs.find((l) => l.msg === 'sharding')).toMatchObject({ shards: 2, setting: 'auto' });
  expect(fake.requests.filter((r) => r.path === '/api/v10/gateway/bot').length).toBeGreaterThanOrEqual(1);
  const pairs = fake.identifies.map((d) => (d as { shard: [number, number] }).shard);
  expect(pairs.sort()).toEqual([[0, 2], [1, 2]]);
});

test('the index is built once, before any shard starts, and each shard loads that saved index', () => {
  const opens = manager.logs.filter((l) => l.msg === 'index ready');
  const firstShard = manager.logs.findIndex((l) => l.msg === 'shard started');
  expect(opens[0]).toMatchObject({ mode: 'built' });
  expect(opens[0]).not.toHaveProperty('shard');
  expect(manager.logs.indexOf(opens[0]!)).toBeLessThan(firstShard);
  expect(opens.slice(1).map((l) => [l.shard, l.mode]).sort()).toEqual([[0, 'loaded'], [1, 'loaded']]);
  expect(new Set(opens.map((l) => l.builtAt)).size).toBe(1);
});

test('a command from a server on each shard is answered', async () => {
  for (const shard of [0, 1]) {
    const guild = guildOnShard(shard, 2);
    expect(fake.shardOf(guild)).toBe(shard);
    const callback = await fake.callback(fake.guildCommand(guild, 'ask', { question: '英伟达 推理芯片' }));
    expect(callback.type).toBe(4);
    expect(callback.data!.embeds![0]!.title).toBe('英伟达发布新一代推理芯片');
  }
});

test('a new article is posted once, by shard 0, also to a channel of a server on shard 1', async () => {
  const where = { guildId: guildOnShard(1, 2), channelId: snowflake(), permissions: String(PermissionFlagsBits.ManageChannels) };
  const followed = await fake.callback(fake.command('follow', { topic: '芯片' }, where));
  expect(followed.data?.content).toBe('本频道已关注主题「芯片」：此后加入文摘的新文章会发到这里。');
  writeVaultFile(vault, '01-博客/芯片/分片测试文章.md', '---\ntitle: "分片测试文章"\ndate: 2025-01-09\n---\n\n## 关联主题\n\n- [[00-元语/芯片]]\n');
  await manager.waitForLog((l) => l.msg === 'following: posted');
  // Each shard re-indexes; one that also posted would plan right after its update.
  for (const shard of [0, 1]) await manager.waitForLog((l) => l.msg === 'index updated' && l.shard === shard);
  expect(manager.logs.filter((l) => l.msg === 'following: planned posts').map((l) => [l.shard, l.when, l.queued])).toEqual([
    [0, 'start', 0],
    [0, 'update', 1],
  ]);
  expect(fake.posts(where.channelId).map((p) => p.embeds![0]!.title)).toEqual(['分片测试文章']);
});

test('SIGTERM to the manager stops every shard, then the manager exits 0', async () => {
  const pids = manager.logs.filter((l) => l.msg === 'shard started').map((l) => l.pid as number);
  expect(pids).toHaveLength(2);
  await manager.stop();
  expect(await manager.exited).toBe(0);
  const stopped = manager.logs.filter((l) => l.msg === 'stopping' && l.shard !== undefined);
  expect(stopped.map((l) => [l.shard, l.signal]).sort()).toEqual([[0, 'manager gone'], [1, 'manager gone']]);
  for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
});

test('a shard whose manager is gone (its parent channel closed) stops instead of answering on its own', async () => {
  const shard = new Process(BOT_ARGS, botEnv({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl }), { ipc: true });
  await shard.waitForLog((l) => l.msg === 'ready');
  shard.disconnect();
  expect(await shard.exited).toBe(0);
  expect(shard.logs.find((l) => l.msg === 'stopping')).toMatchObject({ signal: 'manager gone' });
});

test('a token Discord rejects when asked for the recommended count stops the manager before anything starts', async () => {
  const rejected = startSharded(botEnv({ DISCORD_TOKEN: 'not-the-token', DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl }));
  expect(await rejected.exited).toBe(1);
  expect(rejected.stderr).toContain('Discord rejected DISCORD_TOKEN (401 Unauthorized).');
  expect(rejected.logs.some((l) => l.msg === 'index ready' || l.msg === 'shard started')).toBe(false);
});
