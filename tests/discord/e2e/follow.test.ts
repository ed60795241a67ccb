import { cpSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cleanupTemp, tempDir, writeVaultFile } from '../../helpers/vault.js';
import { FakeDiscord, snowflake, type InGuild, type MessageData } from '../fakeDiscord.js';
import { botEnv, FIXTURE_VAULT, startBot, type LogLine, type Process } from './botProcess.js';

/**
 * A news channel following a topic, against the fake Discord and a copy of the fixture vault that
 * changes under the bot: what is posted, once, across a restart and a rename; and what is refused.
 * Two bot starts in all, sharing one DATA_DIR and one saved index.
 */
let fake: FakeDiscord;
let bot: Process;
let vault: string;
let env: NodeJS.ProcessEnv;

const NEWS = snowflake();
const LOCKED = snowflake();
const DELETED = snowflake();
const VIEW_AND_SEND = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages;
const asManager = (channelId: string): InGuild => ({ channelId, permissions: String(VIEW_AND_SEND | PermissionFlagsBits.ManageChannels) });
const asMember = (channelId: string): InGuild => ({ channelId, permissions: String(VIEW_AND_SEND) });
const EPHEMERAL = 64;

const article = (title: string, date: string, url: string) => `---
title: "${title}"
date: ${date}
source: 测试媒体
url: ${url}
---

## 摘要

**一句话总结**
${title}，测试用的一句话。

**关键要点**
- **要点**：${title}的要点。

## 关联主题

- [[00-元语/芯片]]
`;

const FIRST = { path: '01-博客/芯片/光子芯片进入数据中心.md', title: '光子芯片进入数据中心', url: 'https://example.com/articles/photonic' };
const WHILE_DOWN = { path: '01-博客/芯片/停机时加入的文章.md', title: '停机时加入的文章', url: 'https://example.com/articles/while-down' };
const THIRD = { path: '01-博客/芯片/第三篇芯片文章.md', title: '第三篇芯片文章', url: 'https://example.com/articles/third' };

function start(): Process {
  bot = startBot(env);
  return bot;
}

const planned = (when: 'start' | 'update') => bot.waitForLog((l) => l.msg === 'following: planned posts' && l.when === when);
const postedLogs = () => bot.logs.filter((l) => l.msg === 'following: posted');
const waitForPosted = (count: number): Promise<LogLine> => bot.waitForLog(() => postedLogs().length >= count);

async function reply(interactionId: string): Promise<MessageData> {
  const callback = await fake.callback(interactionId);
  expect(callback.type).toBe(4);
  return callback.data!;
}

beforeAll(async () => {
  vault = tempDir('digest-follow-vault-');
  cpSync(FIXTURE_VAULT, vault, { recursive: true });
  fake = await FakeDiscord.start();
  fake.failChannel(LOCKED, 403, { message: 'Missing Access', code: 50001 });
  fake.failChannel(DELETED, 404, { message: 'Unknown Channel', code: 10003 });
  // One environment for both starts: the same vault, saved index and database.
  env = botEnv({ DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, DIGEST_DIR: vault });
  start();
  await planned('start');
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  cleanupTemp();
});

describe('subscribing', () => {
  test('a member without Manage Channels is refused, privately, and nothing is stored', async () => {
    const refusal = await reply(fake.command('follow', { topic: '芯片' }, asMember(NEWS)));
    expect(refusal).toMatchObject({ flags: EPHEMERAL, content: '只有拥有「管理频道」权限的成员才能更改本频道关注的主题。' });
    const list = await reply(fake.command('following', {}, asMember(NEWS)));
    expect(list.content).toBe('本频道还没有关注任何主题。拥有「管理频道」权限的成员可以用 /follow 主题 关注，新文章就会发到这里。');
  });

  test('a channel manager follows a topic by its alias; the channel then lists it, and /unfollow offers it', async () => {
    const followed = await reply(fake.command('follow', { topic: 'chip' }, asManager(NEWS)));
    expect(followed).toMatchObject({ flags: EPHEMERAL, content: '本频道已关注主题「芯片」：此后加入文摘的新文章会发到这里。' });
    expect((await reply(fake.command('following', {}, asMember(NEWS)))).content).toBe('本频道关注的主题（1）：\n• 芯片');
    const choices = await fake.callback(fake.autocomplete('unfollow', 'topic', '', asManager(NEWS)));
    expect(choices.data?.choices).toEqual([{ name: '芯片', value: '芯片' }]);
  });
});

describe('posting new articles', () => {
  test('a new file under the topic is posted to the channel exactly once, with its summary embed', async () => {
    writeVaultFile(vault, FIRST.path, article(FIRST.title, '2025-01-09', FIRST.url));
    expect(await planned('update')).toMatchObject({ queued: 1 });
    await waitForPosted(1);
    const posts = fake.posts(NEWS);
    expect(posts).toHaveLength(1);
    const [post] = posts as [MessageData & { nonce?: string; enforce_nonce?: boolean }];
    expect(post.content).toBe('主题「芯片」有新文章：');
    expect(post.embeds).toHaveLength(1);
    expect(post.embeds![0]).toMatchObject({ title: FIRST.title, url: FIRST.url, description: `${FIRST.title}，测试用的一句话。` });
    expect(post.embeds![0]!.footer!.text).toBe('2025-01-09 · 测试媒体 · 索引共 7 篇，更新于');
    expect(post.allowed_mentions).toEqual({ parse: [] });
    expect(post.flags).toBeUndefined();
    expect(post).toMatchObject({ enforce_nonce: true, nonce: expect.stringMatching(/^[\w-]{25}$/) });
  });

  test('after a restart nothing is posted again; an article added while the bot was down is posted once', async () => {
    await bot.stop();
    writeVaultFile(vault, WHILE_DOWN.path, article(WHILE_DOWN.title, '2025-01-10', WHILE_DOWN.url));
    start();
    expect(await planned('start')).toMatchObject({ queued: 1 });
    await waitForPosted(1);
    expect(fake.posts(NEWS).map((p) => p.embeds![0]!.title)).toEqual([FIRST.title, WHILE_DOWN.title]);
  });

  test('a renamed file is not posted again', async () => {
    renameSync(join(vault, FIRST.path), join(vault, '01-博客/芯片/光子芯片：改过名的文件.md'));
    const updated = await bot.waitForLog((l) => l.msg === 'index updated');
    expect(updated).toMatchObject({ added: 1, removed: 1 });
    expect(await planned('update')).toMatchObject({ queued: 0 });
    expect(fake.posts(NEWS)).toHaveLength(2);
  });

  test('a channel answering 403 or Unknown Channel is paused, the others still get the article; following again resumes', async () => {
    for (const channel of [LOCKED, DELETED]) {
      expect((await reply(fake.command('follow', { topic: '芯片' }, asManager(channel)))).content).toBe('本频道已关注主题「芯片」：此后加入文摘的新文章会发到这里。');
    }
    writeVaultFile(vault, THIRD.path, article(THIRD.title, '2025-01-11', THIRD.url));
    const paused = () => bot.logs.filter((l) => l.msg === 'following: cannot post to the channel; its subscriptions are paused');
    await bot.waitForLog(() => paused().length === 2);
    await waitForPosted(2);
    expect(paused().map((l) => [l.channel, l.paused]).sort()).toEqual([[LOCKED, 1], [DELETED, 1]].sort());
    expect(fake.posts(NEWS).map((p) => p.embeds![0]!.title)).toEqual([FIRST.title, WHILE_DOWN.title, THIRD.title]);
    expect(fake.posts(LOCKED)).toHaveLength(1);
    expect(fake.posts(DELETED)).toHaveLength(1);

    const list = await reply(fake.command('following', {}, asMember(LOCKED)));
    expect(list.content).toBe('本频道关注的主题（1）：\n• 芯片（已暂停：机器人无法在本频道发帖。检查机器人的权限后，再用一次 /follow 即可恢复）');
    const resumed = await reply(fake.command('follow', { topic: '芯片' }, asManager(LOCKED)));
    expect(resumed.content).toBe('本频道已经关注了「芯片」。\n已恢复本频道暂停的 1 个关注。');
    expect((await reply(fake.command('following', {}, asMember(LOCKED)))).content).toBe('本频道关注的主题（1）：\n• 芯片');
  });
});
