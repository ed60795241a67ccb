import { afterAll, beforeAll, expect, test } from 'vitest';
import { FakeDiscord, guildOnShard } from '../fakeDiscord.js';
import { botEnv, Process, startSharded } from './botProcess.js';

/** `npm run start:sharded` with SHARD_COUNT unset (auto) against a fake Discord that recommends 2 shards. */
let fake: FakeDiscord;
let manager: Process;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  fake.recommendedShards = 2;
  manager = startSharded(botEnv({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl }));
  await manager.waitForLog((l) => l.msg === 'all shards ready', 60_000);
  for (const shard of [0, 1]) await manager.waitForLog((l) => l.msg === 'index ready' && l.shard === shard);
}, 90_000);

afterAll(async () => {
  await manager?.stop();
  await fake?.close();
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
  const shard = new Process('src/discord/main.ts', botEnv({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl }), { ipc: true });
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
