import { once } from 'node:events';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { FakeDiscord, rateLimited, type MessageData } from '../fakeDiscord.js';
import { botEnv, startBotWithIndexHeld, type Process } from './botProcess.js';

/**
 * SIGTERM while a question waits for the index (held back by a named pipe as the saved index, as in
 * deferred.test.ts): the answer still lands, even through a rate-limited edit, before the bot leaves.
 */
let fake: FakeDiscord;
let bot: Process;
let openIndex: () => Promise<void>;
let waiting: string;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  // A grace far longer than any index build, even on a loaded machine: the test waits for the work, not the clock.
  const env = botEnv({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, SHUTDOWN_GRACE_SECONDS: '120' });
  ({ bot, openIndex } = startBotWithIndexHeld(env));
  await bot.waitForLog((l) => l.msg === 'ready');
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

test('on SIGTERM while a question waits for the index, the bot stays connected and turns new questions away with a short note', async () => {
  waiting = fake.command('topic', { name: '芯片' });
  expect(await fake.callback(waiting)).toEqual({ type: 5, data: { flags: 64 } });
  await bot.waitForLog((l) => l.msg === 'deferred: index still opening' && l.interaction === waiting);

  bot.signal('SIGTERM');
  expect(await bot.waitForLog((l) => l.msg === 'stopping')).toMatchObject({ signal: 'SIGTERM', inFlight: 1 });
  const late = await fake.callback(fake.command('topic', { name: '英伟达' }));
  expect(late).toMatchObject({ type: 4, data: { content: '机器人正在重启，请稍后再试。', flags: 64, allowed_mentions: { parse: [] } } });
  expect(fake.closes).toEqual([]);
});

test('once the index opens, the waiting answer lands (its rate-limited edit retried after the bucket resets), then the gateway closes and the process exits 0', async () => {
  fake.failNextEdit(...rateLimited(1, 'shared'));
  const closed = once(fake, 'gatewayClosed');
  // The "slow disk" delivers: a saved index from another version, so the engine rebuilds.
  await openIndex();

  const edits = (n: number) => {
    let count = 0;
    return fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(`/itoken-${waiting}/`) && count++ === n);
  };
  const limited = await edits(0);
  const landed = await edits(1);
  expect(fake.closes).toEqual([]);
  expect(landed.at - limited.at).toBeGreaterThanOrEqual(1000);
  expect(landed.body).toEqual(limited.body);
  expect((landed.body as MessageData).content).toBe('主题「芯片」共 6 篇：');

  expect(await closed).toEqual([1000]);
  expect(await bot.exited).toBe(0);
  expect(bot.logs.filter((l) => l.level >= 40)).toEqual([]);
  // Present, though not always last: pino's exit flush can overtake a line still being written.
  expect(bot.logs.filter((l) => l.msg === 'stopped')).toHaveLength(1);
});
