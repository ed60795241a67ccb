import type { APIEmbed } from 'discord.js';
import type { IndexStats } from '../../search/answers.js';

interface Byline {
  date: string;
  author: string;
  sourceName: string;
}

/**
 * The vault path of an article the embed cannot link (footers are plain text: shown as written),
 * date, author and source, then the size of the index. The index's last update goes in the embed's
 * timestamp, which Discord shows next to the footer in each reader's own time zone.
 */
export function footer(stats: IndexStats, byline?: Byline, unlinkedPath?: string): Pick<APIEmbed, 'footer' | 'timestamp'> {
  const parts = [unlinkedPath ?? '', ...(byline ? [byline.date, byline.author, byline.sourceName] : [])].filter(Boolean);
  parts.push(`索引共 ${stats.articles} 篇，更新于`);
  return { footer: { text: parts.join(' · ') }, timestamp: new Date(stats.builtAt).toISOString() };
}
