import type { APIEmbed } from 'discord.js';
import type { IndexStats, TopicAnswer } from '../../search/answers.js';
import { LIMITS } from '../limits.js';
import type { Reply } from '../reply.js';
import { escapeVault, maskedLink, truncate, vaultText } from '../text.js';
import { buttonRow, openMenu, rows } from './components.js';
import { footer } from './footer.js';

/** Articles per /topic page. */
export const TOPIC_PAGE = 10;

/** For a name that matches no topic: say so, and offer the closest. */
export function unknownTopicText(answer: TopicAnswer): string {
  const query = escapeVault(answer.query);
  const near = answer.suggestions.length ? `你是不是要找：${escapeVault(answer.suggestions.join('、'))}？` : '可以在输入时从自动补全中选择主题。';
  return truncate(`没有名为「${query}」的主题。${near}`, LIMITS.content);
}

/** A resolved topic: its definition and aliases, then its articles (newest first), paged. */
export function renderTopic(answer: TopicAnswer & { topic: string }, stats: IndexStats, offset: number): Reply {
  const head = [
    answer.definition ? vaultText(answer.definition, 1500) : '',
    answer.aliases.length ? `别名：${vaultText(answer.aliases.join('、'), 300)}` : '',
  ].filter(Boolean);
  const items = answer.results.map((a, i) => {
    const date = a.date ? ` · ${a.date}` : '';
    return `${offset + i + 1}. ${maskedLink(a.title, a.url, 300)}${date}`;
  });
  const description = [...head, ...(head.length ? [''] : []), ...items].join('\n') || '这个主题下还没有文章。';
  const embed: APIEmbed = {
    title: vaultText(`主题：${answer.topic}`, LIMITS.embedTitle),
    description: truncate(description, LIMITS.embedDescription),
    ...footer(stats),
  };
  const last = offset + answer.results.length;
  const range = answer.total > answer.results.length ? `，第 ${offset + 1}–${last} 篇` : '';
  const at = (o: number) => ({ kind: 'topicPage' as const, offset: o, topic: answer.topic });
  return {
    content: truncate(`主题「${escapeVault(answer.topic)}」共 ${answer.total} 篇${range}：`, LIMITS.content),
    embeds: [embed],
    components: rows(
      buttonRow({ previous: offset > 0 ? at(Math.max(0, offset - TOPIC_PAGE)) : null, next: last < answer.total ? at(offset + TOPIC_PAGE) : null }),
      openMenu(answer.results.map((a) => ({ target: { kind: 'doc', id: a.id }, label: a.title, description: a.date || undefined }))),
    ),
  };
}

