import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CALLBACK_WINDOW_MS } from '../../../src/discord/interactionWindow.js';
import { USER_RATES } from '../../../src/discord/rateLimit.js';
import { FakeDiscord, rateLimited, snowflake, UNKNOWN_INTERACTION, type Callback } from '../fakeDiscord.js';
import { botEnv, startBot, type Process } from './botProcess.js';

/**
 * Discord misbehaving, against one bot process for the whole file: the gateway drops or asks to
 * reconnect, REST answers 429, 500 or 10062, a user spams; last, SIGTERM stops the process.
 */
let fake: FakeDiscord;
let bot: Process;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const settings = { DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, SHUTDOWN_GRACE_SECONDS: '2' };
  bot = startBot(botEnv(settings));
  await bot.waitForLog((l) => l.msg === 'ready');
  await bot.waitForLog((l) => l.msg === 'index ready');
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

const CHIP = '主题「芯片」共 6 篇：';
const NVIDIA = '主题「英伟达」共 2 篇：';
const content = (callback: Callback) => callback.data?.content;

/**
 * One interaction dispatched just before the fault and two while the bot is cut off (a command and an
 * autocomplete): each gets exactly one callback, the right one.
 */
async function answeredThrough(fault: () => void, recovered: Promise<unknown>): Promise<void> {
  const before = fake.command('topic', { name: '芯片' });
  fault();
  const during = fake.command('topic', { name: '英伟达' });
  const typed = fake.autocomplete('topic', 'name', 'nvid');
  await recovered;
  expect(content(await fake.callback(before))).toBe(CHIP);
  expect(content(await fake.callback(during))).toBe(NVIDIA);
  expect((await fake.callback(typed)).data!.choices).toEqual([{ name: 'Nvidia → 英伟达', value: '英伟达' }]);
  // Dispatches arrive in order: by this one's answer, a replayed duplicate would have been answered too.
  expect(content(await fake.callback(fake.command('topic', { name: '芯片' })))).toBe(CHIP);
  for (const id of [before, during, typed]) expect(fake.callbacks(id)).toHaveLength(1);
}

describe('gateway faults: the bot resumes or identifies anew, and no interaction is lost', () => {
  test('close 4000 (unknown error): it resumes, and what was dispatched meanwhile is replayed and answered', async () => {
    const { identifies, resumes } = { identifies: fake.identifies.length, resumes: fake.resumes.length };
    await answeredThrough(() => fake.closeGateway(4000), once(fake, 'resumed'));
    expect(fake.closes.at(-1)).toBe(4000);
    expect(fake.resumes).toHaveLength(resumes + 1);
    expect(fake.identifies).toHaveLength(identifies);
  });

  test('an abrupt drop (no close frame): it resumes, and what was dispatched meanwhile is answered', async () => {
    const resumes = fake.resumes.length;
    await answeredThrough(() => fake.dropConnection(), once(fake, 'resumed'));
    expect(fake.closes.at(-1)).toBe(1006);
    expect(fake.resumes).toHaveLength(resumes + 1);
  });

  test('op 7 RECONNECT: it closes (4200, to resume), reconnects and resumes', async () => {
    const resumes = fake.resumes.length;
    await answeredThrough(() => fake.reconnect(), once(fake, 'resumed'));
    expect(fake.closes.at(-1)).toBe(4200);
    expect(fake.resumes).toHaveLength(resumes + 1);
  });

  test('op 9 INVALID SESSION, resumable: it resumes on the same connection', async () => {
    const { closes, resumes } = { closes: fake.closes.length, resumes: fake.resumes.length };
    await answeredThrough(() => fake.invalidateSession(true), once(fake, 'resumed'));
    expect(fake.resumes).toHaveLength(resumes + 1);
    expect(fake.closes).toHaveLength(closes);
  });

  // Discord drops a session it invalidates, with what it had not delivered; what the bot already got is its own.
  test('op 9 INVALID SESSION, not resumable: it identifies anew; a reply in flight still lands, and it answers again', async () => {
    const { identifies, resumes } = { identifies: fake.identifies.length, resumes: fake.resumes.length };
    const release = fake.holdNextCallback();
    const inFlight = fake.command('topic', { name: '芯片' });
    await fake.callbackRequest(inFlight);
    const identified = once(fake, 'identified');
    fake.invalidateSession(false);
    await identified;
    release();
    expect(fake.closes.at(-1)).toBe(1000);
    expect(fake.identifies).toHaveLength(identifies + 1);
    expect(fake.resumes).toHaveLength(resumes);
    expect(content(await fake.callback(fake.command('topic', { name: '英伟达' })))).toBe(NVIDIA);
    expect(fake.callbacks(inFlight)).toHaveLength(1);
    expect(bot.logs.filter((l) => l.interaction === inFlight && l.level >= 40)).toEqual([]);
  });

  test('an interaction delivered again (a resume from before it replays it) is answered once', async () => {
    const id = fake.command('topic', { name: '芯片' });
    expect(content(await fake.callback(id))).toBe(CHIP);
    fake.redeliver(id);
    await bot.waitForLog((l) => l.msg === 'ignored an interaction delivered again' && l.interaction === id);
    expect(fake.callbacks(id)).toHaveLength(1);
  });
});

describe('REST faults', () => {
  test.each(['user', 'global'] as const)('a 429 (%s scope) on a reply: retried after Retry-After, it lands within the 3-s window', async (scope) => {
    fake.failNextCallback(...rateLimited(1, scope));
    const sent = Date.now();
    const id = fake.command('topic', { name: '芯片' });
    const limited = await fake.callbackRequest(id, 0);
    const landed = await fake.callbackRequest(id, 1);
    expect(landed.at - limited.at).toBeGreaterThanOrEqual(1000);
    expect(landed.at - sent).toBeLessThan(CALLBACK_WINDOW_MS);
    expect(landed.body).toEqual(limited.body);
    expect(content(landed.body as Callback)).toBe(CHIP);
  });

  test('a 429 on a reply whose wait outlasts the 3-s window: given up at once, logged as expired with its context, no apology', async () => {
    fake.failNextCallback(...rateLimited(5));
    const id = fake.command('topic', { name: '芯片' });
    const logged = await bot.waitForLog((l) => l.msg === 'interaction expired before its reply landed' && l.interaction === id);
    expect(logged).toMatchObject({ level: 40, command: 'topic', options: [{ name: 'name', value: '芯片' }] });
    expect(fake.callbacks(id)).toHaveLength(1);
  });

  test('500s are retried at once: after two, the third attempt lands', async () => {
    fake.failNextCallback(500, { message: '500: Internal Server Error', code: 0 });
    fake.failNextCallback(500, { message: '500: Internal Server Error', code: 0 });
    const id = fake.command('topic', { name: '芯片' });
    expect(content(await fake.callback(id, 2))).toBe(CHIP);
    expect(fake.callbacks(id)).toHaveLength(3);
  });

  test('500s past the bound (a try and discord.js’s 3 retries) are logged with their context; the apology gets as many tries; the bot goes on', async () => {
    for (let i = 0; i < 8; i++) fake.failNextCallback(500, { message: '500: Internal Server Error', code: 0 });
    const id = fake.command('topic', { name: '芯片' });
    await bot.waitForLog((l) => l.msg === 'could not send the apology either' && l.interaction === id);
    const failed = bot.logs.find((l) => l.msg === 'interaction failed' && l.interaction === id);
    expect(failed).toMatchObject({ level: 50, command: 'topic', options: [{ name: 'name', value: '芯片' }], err: { status: 500 } });
    const tries = fake.callbacks(id).map((r) => content(r.body as Callback));
    expect(tries).toEqual([...Array(4).fill(CHIP), ...Array(4).fill('抱歉，机器人出了点问题，已记录下来。请稍后再试。')]);
    expect(content(await fake.callback(fake.command('topic', { name: '英伟达' })))).toBe(NVIDIA);
  });

  test('a reply to an interaction whose token expired (404, 10062 Unknown interaction) is logged as a warning with its context; no apology; the bot goes on', async () => {
    fake.failNextCallback(...UNKNOWN_INTERACTION);
    const id = fake.command('topic', { name: '芯片' });
    const logged = await bot.waitForLog((l) => l.msg === 'interaction expired before its reply landed' && l.interaction === id);
    expect(logged).toMatchObject({ level: 40, command: 'topic', options: [{ name: 'name', value: '芯片' }], err: { code: 10062, status: 404 } });
    expect(fake.callbacks(id)).toHaveLength(1);
    expect(content(await fake.callback(fake.command('topic', { name: '英伟达' })))).toBe(NVIDIA);
  });
});

describe('per-user rate limit', () => {
  test('past its commands and clicks in 10 s, a user gets a private note saying when to retry; other users and their own typing are not held back', async () => {
    const spammer = snowflake();
    const admitted = Array.from({ length: USER_RATES.interactions.limit }, () => fake.command('topic', { name: '芯片' }, undefined, spammer));
    const refused = [fake.command('topic', { name: '芯片' }, undefined, spammer), fake.click({ content: 'x' }, 'v1|share', spammer)];
    const typed = fake.autocomplete('topic', 'name', 'nvid', undefined, spammer);
    const other = fake.command('topic', { name: '英伟达' });

    for (const id of admitted) expect(content(await fake.callback(id))).toBe(CHIP);
    for (const id of refused) {
      const note = await fake.callback(id);
      expect(note).toMatchObject({ type: 4, data: { flags: 64, allowed_mentions: { parse: [] }, embeds: [] } });
      const seconds = /^你的操作太频繁了，请 (\d+) 秒后再试。$/.exec(content(note) ?? '')?.[1];
      expect(['9', '10']).toContain(seconds);
      const logged = await bot.waitForLog((l) => l.msg === 'refused' && l.interaction === id);
      expect(logged).toMatchObject({ level: 30, user: spammer, reason: 'rate limited' });
    }
    expect((await fake.callback(typed)).data!.choices).toEqual([{ name: 'Nvidia → 英伟达', value: '英伟达' }]);
    expect(content(await fake.callback(other))).toBe(NVIDIA);
  });
});

describe('SIGTERM', () => {
  test('stops taking work, finishes the slow reply in flight, gives up on a hung one after the grace period, closes the gateway (1000) and exits 0', async () => {
    const releaseSlow = fake.holdNextCallback();
    const slow = fake.command('topic', { name: '芯片' });
    await fake.callbackRequest(slow);
    fake.holdNextCallback(); // never released: Discord hangs on this one
    const hung = fake.command('topic', { name: '英伟达' });
    await fake.callbackRequest(hung);
    const closes = fake.closes.length;

    bot.signal('SIGTERM');
    const stopping = await bot.waitForLog((l) => l.msg === 'stopping');
    // At least the two held replies; the previous test's last reply may not have had its answer yet.
    expect(stopping).toMatchObject({ signal: 'SIGTERM' });
    expect(stopping.inFlight).toBeGreaterThanOrEqual(2);
    const late = await fake.callback(fake.command('topic', { name: '英伟达' }));
    expect(late).toMatchObject({ type: 4, data: { content: '机器人正在重启，请稍后再试。', flags: 64 } });
    expect(await fake.callback(fake.autocomplete('topic', 'name', 'nvid'))).toEqual({ type: 8, data: { choices: [] } });
    expect(fake.closes).toHaveLength(closes);

    const closed = once(fake, 'gatewayClosed');
    releaseSlow();
    const gaveUp = await bot.waitForLog((l) => l.msg === 'stopped waiting for interactions in flight');
    expect(gaveUp).toMatchObject({ level: 40, unfinished: 1, graceMs: 2000 });
    expect(await closed).toEqual([1000]);
    expect(await bot.exited).toBe(0);
    expect(content(await fake.callback(slow))).toBe(CHIP);
    expect(bot.logs.filter((l) => l.interaction === slow && l.level >= 40)).toEqual([]);
    // Present, though not always last: pino's exit flush can overtake a line still being written.
    expect(bot.logs.filter((l) => l.msg === 'stopped')).toHaveLength(1);
  });
});
