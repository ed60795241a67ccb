import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FakeDiscord, type Component, type MessageData } from '../fakeDiscord.js';
import { botEnv, startBot, type Process } from './botProcess.js';

/**
 * One bot process for the whole file, as a user runs it, against the fake Discord and the fixture
 * vault, published (DIGEST_BASE_URL) at digest.example.com.
 */
let fake: FakeDiscord;
let bot: Process;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  bot = startBot(
    botEnv({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, DIGEST_BASE_URL: 'https://digest.example.com/' }),
  );
  await bot.waitForLog((l) => l.msg === 'ready');
  await bot.waitForLog((l) => l.msg === 'index ready');
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

const EPHEMERAL = 64;
/** The topic page `00-元语/芯片.md` on the published site. */
const CHIP_PAGE = 'https://digest.example.com/00-%E5%85%83%E8%AF%AD/%E8%8A%AF%E7%89%87';
const components = (message: MessageData): Component[] => (message.components ?? []).flatMap((row) => row.components);
const button = (message: MessageData, label: string) => components(message).find((c) => c.type === 2 && c.label === label);
const menu = (message: MessageData) => components(message).find((c) => c.type === 3);

async function reply(interactionId: string, n = 0): Promise<MessageData> {
  const callback = await fake.callback(interactionId, n);
  expect(callback.type).toBe(4);
  return callback.data!;
}

describe('connecting', () => {
  test('identifies with the Guilds intent only and logs that it is ready', async () => {
    expect(fake.identifies).toHaveLength(1);
    expect(fake.identifies[0]).toMatchObject({ token: fake.token, intents: 1 });
    const ready = bot.logs.find((l) => l.msg === 'ready')!;
    expect(ready).toMatchObject({ user: 'digest-bot', id: fake.botUserId });
  });

  test('logs the commands it loaded and the index it opened', () => {
    expect(bot.logs.find((l) => l.msg === 'loaded 6 commands')).toMatchObject({ commands: ['ask', 'follow', 'following', 'summary', 'topic', 'unfollow'] });
    expect(bot.logs.find((l) => l.msg === 'index ready')).toMatchObject({ articles: 6, topics: 2, skipped: 0 });
  });
});

describe('/ask', () => {
  test('answers privately with one embed per article: linked title, 要点 / 风险 bullets, byline and index in the footer', async () => {
    const message = await reply(fake.command('ask', { question: '英伟达 推理芯片', limit: 2 }));
    expect(message.flags).toBe(EPHEMERAL);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.content).toMatch(/^「英伟达 推理芯片」共 \d+ 篇相关，第 1–2 篇：$/);
    expect(message.embeds).toHaveLength(2);
    const first = message.embeds![0]!;
    expect(first.title).toBe('英伟达发布新一代推理芯片');
    expect(first.url).toBe('https://example.com/articles/2');
    expect(first.description).toContain('**要点** 能效：新芯片推理能效提升一倍。');
    expect(first.footer!.text).toBe('2025-01-05 · Nvidia · 测试媒体 · 索引共 6 篇，更新于');
    expect(Number.isNaN(Date.parse(first.timestamp!))).toBe(false);
  });

  test('offers the next page, sharing, and a menu of related documents and topics', async () => {
    const message = await reply(fake.command('ask', { question: '芯片', limit: 2 }));
    expect(components(message).filter((c) => c.type === 2).map((c) => c.label)).toEqual(['下一页', '公开分享']);
    expect(button(message, '下一页')!.custom_id).toBe('v1|askPage|2|2||芯片');
    const options = menu(message)!.options!;
    expect(options.length).toBeLessThanOrEqual(25);
    expect(options.map((o) => o.value)).toContain('t:芯片');
    expect(options.some((o) => o.label.startsWith('摘要：'))).toBe(true);
  });

  test('the next page replaces the message with articles 3–4, with a button back', async () => {
    const first = await reply(fake.command('ask', { question: '芯片', limit: 2 }));
    const click = fake.click(first, button(first, '下一页')!.custom_id!);
    const callback = await fake.callback(click);
    expect(callback.type).toBe(7);
    expect(callback.data!.content).toBe('「芯片」共 6 篇相关，第 3–4 篇：');
    expect(callback.data!.allowed_mentions).toEqual({ parse: [] });
    expect(button(callback.data!, '上一页')!.custom_id).toBe('v1|askPage|0|2||芯片');
    expect(callback.data!.embeds!.map((e) => e.title)).not.toEqual(first.embeds!.map((e) => e.title));
  });

  test('sharing posts the same answer publicly, without buttons', async () => {
    const answer = await reply(fake.command('ask', { question: '芯片', limit: 2 }));
    const shared = await reply(fake.click(answer, 'v1|share'));
    expect(shared.flags ?? 0).toBe(0);
    expect(shared.allowed_mentions).toEqual({ parse: [] });
    expect(shared.content).toBe(answer.content);
    expect(shared.embeds).toEqual(answer.embeds);
    expect(shared.components).toEqual([]);
  });

  test('a question nothing answers gets a private explanation', async () => {
    const message = await reply(fake.command('ask', { question: '量子纠缠咖啡机' }));
    expect(message.flags).toBe(EPHEMERAL);
    expect(message.content).toMatch(/^没有找到与「量子纠缠咖啡机」相关的文章。换个说法，或减少限定词再试。/);
    expect(message.embeds).toEqual([]);
  });

  test('a blank question is the user’s mistake, answered privately', async () => {
    const message = await reply(fake.command('ask', { question: '   ' }));
    expect(message).toMatchObject({ content: '请输入问题，例如：英伟达的芯片。', flags: EPHEMERAL, allowed_mentions: { parse: [] } });
  });

  test('a malformed since date is explained', async () => {
    const message = await reply(fake.command('ask', { question: '芯片', since: '2025-13-01' }));
    expect(message.content).toBe('日期「2025-13-01」不对：since 需要 YYYY-MM-DD 格式，例如 2025-01-31。');
  });
});

describe('/topic', () => {
  test('lists the topic’s articles, newest first, with its definition and a menu to open them', async () => {
    const message = await reply(fake.command('topic', { name: 'Chip' }));
    expect(message.flags).toBe(EPHEMERAL);
    expect(message.content).toBe('主题「芯片」共 6 篇：');
    const embed = message.embeds![0]!;
    expect(embed.title).toBe('主题：芯片');
    expect(embed.url).toBe(CHIP_PAGE);
    expect(embed.description).toContain('芯片（Chip）指集成电路');
    expect(embed.description).toContain('1. [晶圆级芯片跑出每秒千个 Token](https://example.com/articles/1) · 2025-01-06');
    expect(embed.footer!.text).toBe('索引共 6 篇，更新于');
    expect(menu(message)!.options!.map((o) => o.label)[0]).toBe('晶圆级芯片跑出每秒千个 Token');
  });

  test('an unknown topic is the user’s mistake, answered privately', async () => {
    const message = await reply(fake.command('topic', { name: '不存在的主题' }));
    expect(message.flags).toBe(EPHEMERAL);
    expect(message.content).toMatch(/^没有名为「不存在的主题」的主题。/);
  });

  test('autocomplete offers topic names and aliases within Discord’s limits', async () => {
    const callback = await fake.callback(fake.autocomplete('topic', 'name', ''));
    expect(callback.type).toBe(8);
    expect(callback.data!.choices).toEqual([
      { name: '芯片', value: '芯片' },
      { name: '英伟达', value: '英伟达' },
    ]);
    const byAlias = await fake.callback(fake.autocomplete('topic', 'name', 'nvid'));
    expect(byAlias.data!.choices).toEqual([{ name: 'Nvidia → 英伟达', value: '英伟达' }]);
  });
});

describe('/summary', () => {
  test('shows the whole summary: linked title, one line, 要点 and 风险 fields, topics and related documents', async () => {
    const message = await reply(fake.command('summary', { title: '晶圆级芯片' }));
    expect(message.flags).toBe(EPHEMERAL);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    const embed = message.embeds![0]!;
    expect(embed.title).toBe('晶圆级芯片跑出每秒千个 Token');
    expect(embed.url).toBe('https://example.com/articles/1');
    expect(embed.description).toBe('晶圆级芯片把整片晶圆做成一颗处理器，推理速度远超英伟达 GPU。');
    expect(embed.fields!.map((f) => f.name)).toEqual(['要点', '风险', '关联主题', '相关文档']);
    expect(embed.fields![2]!.value).toBe(`[芯片](${CHIP_PAGE})、[英伟达](https://digest.example.com/00-%E5%85%83%E8%AF%AD/%E8%8B%B1%E4%BC%9F%E8%BE%BE)`);
    expect(embed.fields![3]!.value).toBe('[英伟达发布新一代推理芯片](https://example.com/articles/2)\n缺失的文章');
    // Vault text is escaped: `_斜体_` stays literal, and `@everyone` pings nobody (allowed_mentions).
    expect(embed.fields![0]!.value).toContain('提醒 @everyone：这是 \\_斜体\\_ 与');
    expect(embed.footer!.text).toBe('2025-01-06 · Cerebras · 测试媒体 · 索引共 6 篇，更新于');
  });

  test('its menu opens related documents the vault holds (not missing ones) and topics', async () => {
    const message = await reply(fake.command('summary', { title: '晶圆级芯片' }));
    const options = menu(message)!.options!;
    expect(options.map((o) => o.label)).toEqual(['英伟达发布新一代推理芯片', '主题：芯片', '主题：英伟达']);

    const related = options[0]!;
    const opened = await reply(fake.select(message, 'v1|open', [related.value]));
    expect(opened.flags).toBe(EPHEMERAL);
    expect(opened.embeds![0]!.title).toBe('英伟达发布新一代推理芯片');

    const topic = await reply(fake.select(message, 'v1|open', ['t:英伟达']));
    expect(topic.embeds![0]!.title).toBe('主题：英伟达');
  });

  test('a very long summary is split and cut to Discord’s limits, saying so', async () => {
    const message = await reply(fake.command('summary', { title: '长文测试' }));
    const embed = message.embeds![0]!;
    for (const field of embed.fields!) expect(field.value.length).toBeLessThanOrEqual(1024);
    const total = [embed.title, embed.description, embed.footer?.text, ...embed.fields!.flatMap((f) => [f.name, f.value])].join('').length;
    expect(total).toBeLessThanOrEqual(6000);
    expect(embed.fields!.find((f) => f.name === '风险')!.value).toMatch(/…（已截断）$/);
  });

  test('autocomplete offers titles, at most 25 of at most 100 characters', async () => {
    const callback = await fake.callback(fake.autocomplete('summary', 'title', '芯片'));
    expect(callback.type).toBe(8);
    const choices = callback.data!.choices!;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) expect(Math.max(c.name.length, c.value.length)).toBeLessThanOrEqual(100);
    expect(choices.map((c) => c.value)).toContain('晶圆级芯片跑出每秒千个 Token');
  });
});

describe('clicks from elsewhere', () => {
  test('a button this bot did not make gets a polite private reply', async () => {
    const message = await reply(fake.click({ content: 'x' }, 'v0|something-old'));
    expect(message).toMatchObject({ content: '这个按钮或菜单已失效，请重新使用命令。', flags: EPHEMERAL });
  });

  test('a menu choice for a document no longer in the index is explained', async () => {
    const message = await reply(fake.select({ content: 'x' }, 'v1|open', ['d:gone123456']));
    expect(message.content).toBe('这篇文章已不在索引中，可能已被删除或改名。');
  });
});

describe('our own errors', () => {
  test('when Discord rejects a reply, the error is logged with its context, the user gets an apology, and the bot goes on', async () => {
    fake.failNextCallback(400, { message: 'Invalid Form Body', code: 50035, errors: {} });
    const id = fake.command('ask', { question: '芯片' });
    const apology = await reply(id, 1);
    expect(apology).toMatchObject({ content: '抱歉，机器人出了点问题，已记录下来。请稍后再试。', flags: EPHEMERAL, allowed_mentions: { parse: [] } });

    const logged = await bot.waitForLog((l) => l.msg === 'interaction failed' && l.interaction === id);
    expect(logged).toMatchObject({ level: 50, command: 'ask', options: [{ name: 'question', value: '芯片' }] });
    expect((logged.err as { message: string }).message).toContain('Invalid Form Body');

    const after = await reply(fake.command('topic', { name: '芯片' }));
    expect(after.content).toBe('主题「芯片」共 6 篇：');
  });

  test('after the gateway connection drops, the bot resumes and answers what arrived meanwhile', async () => {
    const resumed = new Promise((resolve) => fake.once('resumed', resolve));
    fake.dropConnection();
    const id = fake.command('topic', { name: '英伟达' });
    await resumed;
    expect((await reply(id)).content).toBe('主题「英伟达」共 2 篇：');
  });
});
