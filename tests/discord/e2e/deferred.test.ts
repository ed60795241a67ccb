import { afterAll, beforeAll, expect, test } from 'vitest';
import { FakeDiscord } from '../fakeDiscord.js';
import { botEnv, startBotWithIndexHeld, type Process } from './botProcess.js';

/**
 * The index not yet open when a question comes: the bot must defer, then edit in the answer.
 * To hold the index back deterministically (no timing), the saved index the engine reads at start
 * is a named pipe, like a very slow disk: its read completes only when the test writes to it.
 */
let fake: FakeDiscord;
let bot: Process;
let openIndex: () => Promise<void>;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const env = botEnv({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl });
  ({ bot, openIndex } = startBotWithIndexHeld(env));
  await bot.waitForLog((l) => l.msg === 'ready');
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

test('autocomplete is answered at once, with no choices, while the index is still opening', async () => {
  const callback = await fake.callback(fake.autocomplete('topic', 'name', '芯'));
  expect(callback).toEqual({ type: 8, data: { choices: [] } });
});

test('a command while the index is still opening is deferred privately, then answered by editing the reply', async () => {
  const id = fake.command('topic', { name: '芯片' });
  expect(await fake.callback(id)).toEqual({ type: 5, data: { flags: 64 } });
  await bot.waitForLog((l) => l.msg === 'deferred: index still opening' && l.interaction === id);

  // The "slow disk" delivers: a saved index from another version, so the engine rebuilds.
  await openIndex();
  const edit = await fake.edit(id);
  expect(edit.content).toBe('主题「芯片」共 6 篇：');
  expect(edit.embeds![0]!.title).toBe('主题：芯片');
  expect(edit.allowed_mentions).toEqual({ parse: [] });
  await bot.waitForLog((l) => l.msg === 'index ready');

  // Once open, answers are direct again: one callback, no edit.
  const direct = await fake.callback(fake.command('topic', { name: '英伟达' }));
  expect(direct.type).toBe(4);
});

test('a button made by an earlier run of the bot still works: its state is in the custom id', async () => {
  const earlier = { content: '「芯片」共 6 篇相关，第 1–2 篇：', flags: 64, components: [{ type: 1 as const, components: [{ type: 2, style: 2, label: '下一页', custom_id: 'v1|askPage|2|2||芯片' }] }] };
  const callback = await fake.callback(fake.click(earlier, 'v1|askPage|2|2||芯片'));
  expect(callback.type).toBe(7);
  expect(callback.data!.content).toBe('「芯片」共 6 篇相关，第 3–4 篇：');
});
