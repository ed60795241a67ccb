import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { USER_RATES } from '../../../src/discord/rateLimit.js';
import { FakeDiscord, snowflake, UNKNOWN_INTERACTION } from '../fakeDiscord.js';
import { botEnv, startBot, startBotWithIndexHeld, type Process } from './botProcess.js';

/** The bot with HEALTH_PORT=0 (any free port on 127.0.0.1, read from its log), against the fake Discord and the fixture vault. */
let fake: FakeDiscord;
let bot: Process;
let url: string;

const settings = (extra: Record<string, string> = {}) =>
  botEnv({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, HEALTH_PORT: '0', ...extra });

const listening = async (process: Process) => (await process.waitForLog((l) => l.msg === 'health endpoint listening')).url as string;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  bot = startBot(settings());
  url = await listening(bot);
  await bot.waitForLog((l) => l.msg === 'ready');
  await bot.waitForLog((l) => l.msg === 'index ready');
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

const health = async (base: string) => {
  const res = await fetch(`${base}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

test('listens on 127.0.0.1 only, by default', () => {
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
});

test('GET /healthz: 200, the gateway ready, the index open with its article count and age', async () => {
  const { status, body } = await health(url);
  expect(status).toBe(200);
  const opened = bot.logs.find((l) => l.msg === 'index ready')!;
  expect(body).toMatchObject({ ok: true, gateway: { status: 'Ready', ready: true }, index: { open: true, articles: 6 } });
  expect(body.index).toMatchObject({ updatedAt: new Date(opened.builtAt as number).toISOString() });
  expect((body.index as { ageSeconds: number }).ageSeconds).toBeGreaterThanOrEqual(0);
});

describe('GET /metrics counts what the router did with each interaction', () => {
  /** /metrics once it has counted `total` interactions: each is counted after its reply lands, a moment after the fake sees it. */
  async function metricsAfter(total: number): Promise<string> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const text = await (await fetch(`${url}/metrics`)).text();
      if (text.includes(`\ndigest_bot_interaction_duration_seconds_count ${total}\n`) || Date.now() > deadline) return text;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  test('by kind, command and outcome: answered, user error, refused, failed, expired', async () => {
    await fake.callback(fake.command('topic', { name: '芯片' }));
    await fake.callback(fake.command('topic', { name: '英伟达' }));
    await fake.callback(fake.autocomplete('topic', 'name', 'nvid'));
    await fake.callback(fake.command('ask', { question: '   ' }));
    await fake.callback(fake.click({ content: '一条旧消息' }, 'not-a-custom-id-of-ours'));
    // One user past the rate: the last command is refused.
    const spammer = snowflake();
    const burst = Array.from({ length: USER_RATES.interactions.limit + 1 }, () => fake.command('topic', { name: '芯片' }, undefined, spammer));
    await Promise.all(burst.map((id) => fake.callback(id)));
    // Every try of the reply and of the apology answered 500: failed.
    for (let i = 0; i < 8; i++) fake.failNextCallback(500, { message: '500: Internal Server Error', code: 0 });
    const failed = fake.command('topic', { name: '芯片' });
    await bot.waitForLog((l) => l.msg === 'could not send the apology either' && l.interaction === failed);
    // 10062 Unknown interaction: expired.
    fake.failNextCallback(...UNKNOWN_INTERACTION);
    const expired = fake.command('topic', { name: '芯片' });
    await bot.waitForLog((l) => l.msg === 'interaction expired before its reply landed' && l.interaction === expired);

    const total = 5 + burst.length + 2;
    const text = await metricsAfter(total);
    expect(text.split('\n').filter((line) => line.startsWith('digest_bot_interactions_total{'))).toEqual([
      'digest_bot_interactions_total{kind="autocomplete",command="topic",outcome="answered"} 1',
      'digest_bot_interactions_total{kind="command",command="ask",outcome="user_error"} 1',
      `digest_bot_interactions_total{kind="command",command="topic",outcome="answered"} ${2 + USER_RATES.interactions.limit}`,
      'digest_bot_interactions_total{kind="command",command="topic",outcome="expired"} 1',
      'digest_bot_interactions_total{kind="command",command="topic",outcome="failed"} 1',
      'digest_bot_interactions_total{kind="command",command="topic",outcome="refused"} 1',
      'digest_bot_interactions_total{kind="component",command="stale",outcome="user_error"} 1',
    ]);
    expect(text).toContain(`\ndigest_bot_interaction_duration_seconds_bucket{le="+Inf"} ${total}\n`);
    expect(text).toContain('\ndigest_bot_gateway_ready 1\n');
    expect(text).toContain('\ndigest_bot_index_articles 6\n');
  });
});

test('503 while the index opens, gateway already ready; 200 once it is open', async () => {
  const { bot: held, openIndex } = startBotWithIndexHeld(settings());
  try {
    const base = await listening(held);
    await held.waitForLog((l) => l.msg === 'ready');
    expect(await health(base)).toEqual({ status: 503, body: { ok: false, gateway: { status: 'Ready', ready: true }, index: { open: false } } });
    await openIndex();
    await held.waitForLog((l) => l.msg === 'index ready');
    expect((await health(base)).status).toBe(200);
  } finally {
    await held.stop();
  }
});

test('a HEALTH_PORT already taken stops the bot at start, naming it', async () => {
  const taken = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => taken.once('listening', resolve));
  const port = (taken.address() as AddressInfo).port;
  try {
    const blocked = startBot(settings({ HEALTH_PORT: String(port) }));
    expect(await blocked.exited).toBe(1);
    expect(blocked.stderr).toContain(`could not serve the health endpoint on HEALTH_HOST 127.0.0.1, HEALTH_PORT ${port}: listen EADDRINUSE`);
  } finally {
    taken.close();
  }
});
