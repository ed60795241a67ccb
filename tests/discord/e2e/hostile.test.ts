import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Prepared } from '../../../src/discord/reply.js';
import { hostileQueries, PATHS } from '../../fixtures/hostile.js';
import { FakeDiscord, type MessageData } from '../fakeDiscord.js';
import { limitViolations } from '../withinLimits.js';
import { botEnv, startBot, type Process } from './botProcess.js';

/**
 * A sample of the hostile corpus through the running bot, as Discord delivers it: every command
 * and every autocomplete gets its answer, within the limits and pinging nobody, and nothing fails.
 */

/** Every 40th input of the corpus: a few dozen, handwritten and generated alike. */
const SAMPLE = hostileQueries().filter((_, i) => i % 40 === 0);

let fake: FakeDiscord;
let bot: Process;
beforeAll(async () => {
  fake = await FakeDiscord.start();
  bot = startBot(botEnv({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl }));
  await bot.waitForLog((l) => l.msg === 'index ready');
});
afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

/** The message as the fake received it, in the shape the limit checks read. */
const asPrepared = (data: MessageData): Prepared =>
  // The fake types only the fields it reads; the JSON is the one the bot built from a Prepared.
  ({ ...(data.content !== undefined ? { content: data.content } : {}), embeds: data.embeds ?? [], components: data.components ?? [], allowedMentions: data.allowed_mentions }) as unknown as Prepared;

test(`${SAMPLE.length} hostile inputs through /ask, /topic, /summary and both autocompletes: all answered, within limits, pinging nobody`, async () => {
  const commands = SAMPLE.flatMap((q) => [fake.command('ask', { question: q }), fake.command('topic', { name: q }), fake.command('summary', { title: q })]);
  const completions = SAMPLE.flatMap((q) => [fake.autocomplete('topic', 'name', q), fake.autocomplete('summary', 'title', q)]);

  for (const id of commands) {
    const callback = await fake.callback(id);
    expect(callback.type).toBe(4);
    expect(callback.data!.allowed_mentions).toEqual({ parse: [] });
    expect(limitViolations(asPrepared(callback.data!))).toEqual([]);
    expect(callback.data!.content).not.toBe('抱歉，机器人出了点问题，已记录下来。请稍后再试。');
  }
  for (const id of completions) {
    const callback = await fake.callback(id);
    expect(callback.type).toBe(8);
    const choices = callback.data!.choices!;
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) expect([c.name.length, c.value.length].every((n) => n >= 1 && n <= 100)).toBe(true);
  }
  expect(bot.logs.filter((l) => l.level >= 40)).toEqual([]);
});

test('paths as menu values and button ids: an unknown document or topic, or a stale button, answered privately', async () => {
  for (const path of PATHS) {
    const doc = await fake.callback(fake.select({ content: 'x' }, 'v1|open', [`d:${path}`]));
    expect(doc.data).toMatchObject({ content: '这篇文章已不在索引中，可能已被删除或改名。', flags: 64 });
    const topic = await fake.callback(fake.select({ content: 'x' }, 'v1|open', [`t:${path}`]));
    expect(topic.data!.content).toMatch(/^没有名为「.*」的主题。/s);
    const button = await fake.callback(fake.click({ content: 'x' }, path));
    expect(button.data).toMatchObject({ content: '这个按钮或菜单已失效，请重新使用命令。', flags: 64 });
  }
  expect(bot.logs.filter((l) => l.level >= 40)).toEqual([]);
});
