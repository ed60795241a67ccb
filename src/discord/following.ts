import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import type { DocRecord } from '../digest/types.js';
import type { Suggestion } from '../search/answers.js';
import type { Engine } from '../search/engine.js';
import { topicKey } from '../search/topics.js';
import { docOptions } from './answers.js';
import type { CommandContext, Place } from './command.js';
import { UserError } from './errors.js';
import { LIMITS } from './limits.js';
import { openMenu, rows } from './render/components.js';
import type { Links } from './render/links.js';
import { renderSummary } from './render/summary.js';
import { unknownTopicText } from './render/topic.js';
import type { Reply } from './reply.js';
import { truncate, vaultText } from './text.js';

/** /follow, /unfollow and /following: a channel's subscriptions to topics, and what they post. */

/** What the bot needs in a channel to post an article there, with the names Discord shows in Chinese. */
const POST_PERMISSIONS = [
  [PermissionFlagsBits.ViewChannel, '查看频道'],
  [PermissionFlagsBits.SendMessages, '发送消息'],
  [PermissionFlagsBits.EmbedLinks, '嵌入链接'],
] as const;

export const SERVER_ONLY = new UserError('关注只能在服务器的频道中使用，私信中不可用。');
export const NOT_A_MANAGER = new UserError('只有拥有「管理频道」权限的成员才能更改本频道关注的主题。');

/**
 * The channel, when the member may change its subscriptions. Discord hides the commands from
 * members without Manage Channels (their default permission), but a server can override that per
 * role or channel, so it is checked again here.
 */
function managedPlace(context: CommandContext): Place | UserError {
  if (!context.place) return SERVER_ONLY;
  if (!new PermissionsBitField(context.place.member).has(PermissionFlagsBits.ManageChannels)) return NOT_A_MANAGER;
  return context.place;
}

export function followReply(engine: Engine, context: CommandContext, name: string): Reply | UserError {
  const place = managedPlace(context);
  if (place instanceof UserError) return place;
  if (!name.trim()) return new UserError('请输入主题名称，可以从自动补全中选择。');
  const answer = engine.topic(name.trim(), { limit: 1 });
  if (answer.topic === null) return new UserError(unknownTopicText(answer));
  // Said now, while the member is setting up, rather than found out when the first article fails.
  const bot = new PermissionsBitField(place.bot);
  const missing = POST_PERMISSIONS.filter(([flag]) => !bot.has(flag)).map(([, label]) => `「${label}」`);
  if (missing.length) {
    return new UserError(`机器人在本频道缺少 ${missing.join('')} 权限，无法在这里发布新文章。请在频道设置 → 权限中为机器人开启后再试。`);
  }
  const topic = answer.topic;
  const { added, resumed } = context.follows.follow({ channelId: place.channelId, guildId: place.guildId, topic, userId: context.userId, now: Date.now() });
  const lines = [
    added ? `本频道已关注主题「${vaultText(topic, 100)}」：此后加入文摘的新文章会发到这里。` : `本频道已经关注了「${vaultText(topic, 100)}」。`,
    ...(resumed ? [`已恢复本频道暂停的 ${resumed} 个关注。`] : []),
  ];
  return { content: lines.join('\n') };
}

export function unfollowReply(context: CommandContext, name: string): Reply | UserError {
  const place = managedPlace(context);
  if (place instanceof UserError) return place;
  const followed = context.follows.subscriptions(place.channelId).find((s) => topicKey(s.topic) === topicKey(name));
  if (!followed) return new UserError(`本频道没有关注「${vaultText(name.trim(), 100)}」。用 /following 查看本频道关注的主题。`);
  context.follows.unfollow(place.channelId, followed.topic);
  return { content: `本频道不再关注「${vaultText(followed.topic, 100)}」。` };
}

export function followingReply(context: CommandContext): Reply | UserError {
  if (!context.place) return SERVER_ONLY;
  const subscriptions = context.follows.subscriptions(context.place.channelId);
  if (subscriptions.length === 0) {
    return { content: '本频道还没有关注任何主题。拥有「管理频道」权限的成员可以用 /follow 主题 关注，新文章就会发到这里。' };
  }
  const lines = subscriptions.map((s) => {
    const paused = s.pausedAt === null ? '' : '（已暂停：机器人无法在本频道发帖。检查机器人的权限后，再用一次 /follow 即可恢复）';
    return `• ${vaultText(s.topic, 100)}${paused}`;
  });
  return { content: truncate([`本频道关注的主题（${subscriptions.length}）：`, ...lines].join('\n'), LIMITS.content) };
}

/** The channel's subscriptions that contain what was typed, for /unfollow. */
export function followedSuggestions(context: CommandContext, typed: string): Suggestion[] {
  if (!context.place) return [];
  const key = topicKey(typed);
  return context.follows
    .subscriptions(context.place.channelId)
    .filter((s) => topicKey(s.topic).includes(key))
    .map((s) => ({ name: s.pausedAt === null ? s.topic : `${s.topic}（已暂停）`, value: s.topic }));
}

/**
 * A new article as posted to a channel following one of its topics: its summary embed, public,
 * with the menu of related documents but no share button, as it is already shared.
 */
export function articlePost(engine: Engine, links: Links, doc: DocRecord, topics: readonly string[]): Reply {
  const open = docOptions(engine, doc);
  const summary = renderSummary(doc, engine.stats, open, links);
  return { ...summary, content: `主题「${vaultText(topics.join('、'), 200)}」有新文章：`, components: rows(openMenu(open)), ephemeral: false };
}
