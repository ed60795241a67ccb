import { ButtonStyle, ComponentType, InteractionContextType, PermissionFlagsBits } from 'discord.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { command as follow } from '../../commands/follow.js';
import { command as following } from '../../commands/following.js';
import { command as unfollow } from '../../commands/unfollow.js';
import type { CommandContext, OptionReader, Place } from '../../src/discord/command.js';
import { UserError } from '../../src/discord/errors.js';
import { articlePost, NOT_A_MANAGER, SERVER_ONLY } from '../../src/discord/following.js';
import { replyLinks, type Links } from '../../src/discord/render/links.js';
import { prepare, type Reply } from '../../src/discord/reply.js';
import { FollowStore } from '../../src/follow/store.js';
import { openEngine, type Engine } from '../../src/search/engine.js';
import { cleanupTemp, tempDir } from '../helpers/vault.js';
import { FIXTURE_VAULT } from './e2e/botProcess.js';

let engine: Engine;
let links: Links;
beforeAll(async () => {
  engine = await openEngine({ dir: FIXTURE_VAULT, persist: false });
  links = replyLinks(undefined, engine);
});
afterAll(cleanupTemp);

let follows: FollowStore;
beforeEach(() => {
  follows = FollowStore.open(tempDir());
});
afterEach(() => follows.close());

const POSTING = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks;
const CHANNEL = '1300000000000000001';
const place = (member: bigint, bot: bigint = POSTING, channelId = CHANNEL): Place => ({ guildId: '1300000000000000009', channelId, member, bot });
const manager = (overrides: Partial<Place> = {}): CommandContext => ({ userId: 'u1', place: { ...place(PermissionFlagsBits.ManageChannels), ...overrides }, follows });
const member = (): CommandContext => ({ userId: 'u2', place: place(PermissionFlagsBits.SendMessages), follows });
const inDm = (): CommandContext => ({ userId: 'u1', place: null, follows });

const topic = (value: string): OptionReader => ({ getString: (name) => (name === 'topic' ? value : null), getInteger: () => null });
const none: OptionReader = { getString: () => null, getInteger: () => null };
const content = (outcome: Reply | UserError) => (outcome instanceof UserError ? `UserError: ${outcome.message}` : outcome.content);

describe('definitions', () => {
  test('/follow and /unfollow are for members who may manage channels, in servers only; /following for anyone there', () => {
    for (const { definition } of [follow, unfollow]) {
      expect(definition.default_member_permissions).toBe(String(PermissionFlagsBits.ManageChannels));
      expect(definition.contexts).toEqual([InteractionContextType.Guild]);
    }
    expect(following.definition.default_member_permissions).toBeUndefined();
    expect(following.definition.contexts).toEqual([InteractionContextType.Guild]);
  });

  test('every name and description has a zh-CN localization; the topic options autocomplete', () => {
    expect([follow, unfollow, following].map((c) => c.definition.name_localizations?.['zh-CN'])).toEqual(['关注', '取消关注', '关注列表']);
    for (const { definition } of [follow, unfollow, following]) {
      expect(definition.description_localizations?.['zh-CN']).toBeTruthy();
      for (const option of definition.options ?? []) {
        expect(option).toMatchObject({ name: 'topic', required: true, autocomplete: true, name_localizations: { 'zh-CN': '主题' } });
        expect(option.description_localizations?.['zh-CN']).toBeTruthy();
      }
    }
  });
});

describe('/follow', () => {
  test('subscribes the channel to the topic under its own name, whatever alias was typed', () => {
    expect(content(follow.run(topic('nvidia'), engine, links, manager()))).toBe('本频道已关注主题「英伟达」：此后加入文摘的新文章会发到这里。');
    expect(follows.subscriptions(CHANNEL)).toMatchObject([{ topic: '英伟达', createdBy: 'u1', guildId: '1300000000000000009', pausedAt: null }]);
  });

  test('following a topic twice says so and stores it once', () => {
    follow.run(topic('芯片'), engine, links, manager());
    expect(content(follow.run(topic('芯片'), engine, links, manager()))).toBe('本频道已经关注了「芯片」。');
    expect(follows.subscriptions(CHANNEL)).toHaveLength(1);
  });

  test('following again in a paused channel resumes it, and says so', () => {
    follow.run(topic('芯片'), engine, links, manager());
    follow.run(topic('英伟达'), engine, links, manager());
    follows.pauseChannel(CHANNEL, '403 50001 Missing Access', 1);
    expect(content(follow.run(topic('芯片'), engine, links, manager()))).toBe('本频道已经关注了「芯片」。\n已恢复本频道暂停的 2 个关注。');
    expect(follows.activeSubscriptions()).toHaveLength(2);
  });

  test('refuses a member without Manage Channels, even though Discord should have hidden the command', () => {
    expect(follow.run(topic('芯片'), engine, links, member())).toBe(NOT_A_MANAGER);
    expect(follows.subscriptions(CHANNEL)).toEqual([]);
  });

  test('an administrator may, without the Manage Channels bit itself', () => {
    expect(follow.run(topic('芯片'), engine, links, manager({ member: PermissionFlagsBits.Administrator }))).not.toBeInstanceOf(UserError);
  });

  test('refuses in a DM', () => {
    expect(follow.run(topic('芯片'), engine, links, inDm())).toBe(SERVER_ONLY);
  });

  test('an unknown topic is explained and nothing stored; a near miss follows the topic it resolves to, named', () => {
    expect(content(follow.run(topic('量子计算'), engine, links, manager()))).toBe('UserError: 没有名为「量子计算」的主题。可以在输入时从自动补全中选择主题。');
    expect(follows.subscriptions(CHANNEL)).toEqual([]);
    expect(content(follow.run(topic('芯片组'), engine, links, manager()))).toBe('本频道已关注主题「芯片」：此后加入文摘的新文章会发到这里。');
  });

  test('an empty topic is asked for', () => {
    expect(content(follow.run(topic(' '), engine, links, manager()))).toBe('UserError: 请输入主题名称，可以从自动补全中选择。');
    expect(follows.subscriptions(CHANNEL)).toEqual([]);
  });

  test('a channel the bot cannot post to is refused at once, naming the permissions to give it', () => {
    const outcome = follow.run(topic('芯片'), engine, links, manager({ bot: PermissionFlagsBits.ViewChannel }));
    expect(content(outcome)).toBe('UserError: 机器人在本频道缺少 「发送消息」「嵌入链接」 权限，无法在这里发布新文章。请在频道设置 → 权限中为机器人开启后再试。');
    expect(follows.subscriptions(CHANNEL)).toEqual([]);
  });

  test('autocompletes topics and their aliases', () => {
    expect(follow.autocomplete(engine, 'chip')).toEqual([{ name: 'Chip → 芯片', value: '芯片' }]);
  });
});

describe('/unfollow and /following', () => {
  test('/unfollow removes the topic, typed in any case or spacing', () => {
    follows.follow({ channelId: CHANNEL, guildId: 'g', topic: 'Claude Code', userId: 'u1', now: 1 });
    expect(content(unfollow.run(topic('claudecode'), engine, links, manager()))).toBe('本频道不再关注「Claude Code」。');
    expect(follows.subscriptions(CHANNEL)).toEqual([]);
  });

  test('/unfollow of a topic the channel does not follow: a note, not an error of ours', () => {
    expect(content(unfollow.run(topic('芯片'), engine, links, manager()))).toBe('UserError: 本频道没有关注「芯片」。用 /following 查看本频道关注的主题。');
  });

  test('/unfollow is refused to a member without Manage Channels', () => {
    follow.run(topic('芯片'), engine, links, manager());
    expect(unfollow.run(topic('芯片'), engine, links, member())).toBe(NOT_A_MANAGER);
    expect(follows.subscriptions(CHANNEL)).toHaveLength(1);
  });

  test("/unfollow autocompletes this channel's subscriptions only, paused ones marked", () => {
    follow.run(topic('芯片'), engine, links, manager());
    follow.run(topic('英伟达'), engine, links, manager());
    follows.follow({ channelId: 'elsewhere', guildId: 'g', topic: 'OpenAI', userId: 'u1', now: 1 });
    follows.pauseChannel(CHANNEL, '403', 1);
    expect(unfollow.autocomplete(engine, '', manager())).toEqual([
      { name: '芯片（已暂停）', value: '芯片' },
      { name: '英伟达（已暂停）', value: '英伟达' },
    ]);
    expect(unfollow.autocomplete(engine, '英', manager())).toEqual([{ name: '英伟达（已暂停）', value: '英伟达' }]);
    expect(unfollow.autocomplete(engine, '', inDm())).toEqual([]);
  });

  test("/following lists the channel's topics to any member, paused ones marked", () => {
    expect(content(following.run(none, engine, links, member()))).toBe('本频道还没有关注任何主题。拥有「管理频道」权限的成员可以用 /follow 主题 关注，新文章就会发到这里。');
    follow.run(topic('芯片'), engine, links, manager());
    follow.run(topic('英伟达'), engine, links, manager());
    follows.follow({ channelId: 'other', guildId: 'g', topic: 'OpenAI', userId: 'u1', now: 1 });
    expect(content(following.run(none, engine, links, member()))).toBe('本频道关注的主题（2）：\n• 芯片\n• 英伟达');
    follows.pauseChannel(CHANNEL, '403', 1);
    expect(content(following.run(none, engine, links, member()))).toBe(
      '本频道关注的主题（2）：\n• 芯片（已暂停：机器人无法在本频道发帖。检查机器人的权限后，再用一次 /follow 即可恢复）\n• 英伟达（已暂停：机器人无法在本频道发帖。检查机器人的权限后，再用一次 /follow 即可恢复）',
    );
    expect(following.run(none, engine, links, inDm())).toBe(SERVER_ONLY);
  });
});

describe('the post of a new article', () => {
  test("is public, says which followed topic it is for, and carries the article's summary embed and menu, but no share button", () => {
    const doc = engine.byPath('01-博客/芯片/英伟达发布新一代推理芯片.md')!;
    const message = prepare(articlePost(engine, links, doc, ['芯片', '英伟达']));
    expect(message.flags).toBeUndefined();
    expect(message.allowedMentions).toEqual({ parse: [] });
    expect(message.content).toBe('主题「芯片、英伟达」有新文章：');
    expect(message.embeds).toHaveLength(1);
    expect(message.embeds[0]).toMatchObject({ title: '英伟达发布新一代推理芯片', url: 'https://example.com/articles/2', description: '英伟达发布面向推理的新芯片，强调能效。' });
    const components = message.components.flatMap((row) => row.components);
    expect(components.map((c) => c.type)).toEqual([ComponentType.StringSelect]);
    expect(components.some((c) => c.type === ComponentType.Button && c.style === ButtonStyle.Primary)).toBe(false);
  });
});
