import type { APIEmbed } from 'discord.js';
import type { IndexStats, TopicAnswer } from '../../search/answers.js';
import { LIMITS } from '../limits.js';
import type { Reply } from '../reply.js';
import { escapeVault, QUERY_ECHO, truncate, truncateMarkdown, vaultText } from '../text.js';
import { buttonRow, openMenu, rows } from './components.js';
import { footer } from './footer.js';
import { docEntry, fitEntries, type Links } from './links.js';

/** Articles per /topic page. */
export const TOPIC_PAGE = 10;

/** For a name that matches no topic: say so, and offer the closest. */
export function unknownTopicText(answer: TopicAnswer): string {
  const query = vaultText(answer.query, QUERY_ECHO);
  const near = answer.suggestions.length ? `你是不是要找：${escapeVault(answer.suggestions.join('、'))}？` : '可以在输入时从自动补全中选择主题。';
  return truncate(`没有名为「${query}」的主题。${near}`, LIMITS.content);
}

/** A resolved topic (linked to its page): definition and aliases, then its articles (newest first), paged. */
export function renderTopic(answer: TopicAnswer & { topic: string }, stats: IndexStats, offset: number, links: Links): Reply {
  const head = [
    answer.definition ? vaultText(answer.definition, 1500) : '',
    answer.aliases.length ? `别名：${vaultText(answer.aliases.join('、'), 300)}` : '',
  ].filter(Boolean);
  const top = head.length ? `${head.join('\n')}\n\n` : '';
  const entries = answer.results.map((a, i) => {
    const { full, short } = docEntry(a.title, a, links, 300);
    const date = a.date ? ` · ${a.date}` : '';
    return { full: `${offset + i + 1}. ${full}${date}`, short: `${offset + i + 1}. ${short}${date}` };
  });
  const list = fitEntries(entries, '\n', LIMITS.embedDescription - top.length);
  const url = links.topic(answer.topic);
  const embed: APIEmbed = {
    title: vaultText(`主题：${answer.topic}`, LIMITS.embedTitle),
    ...(url ? { url } : {}),
    description: truncateMarkdown(`${top}${list}`.trim() || '这个主题下还没有文章。', LIMITS.embedDescription),
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

