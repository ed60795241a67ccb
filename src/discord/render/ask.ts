import type { APIEmbed } from 'discord.js';
import type { AskAnswer, AskHit, IndexStats, MatchedBullet } from '../../search/answers.js';
import type { ComponentState } from '../customId.js';
import { LIMITS } from '../limits.js';
import type { Reply } from '../reply.js';
import { escapeVault, truncate, vaultText } from '../text.js';
import { buttonRow, openMenu, rows, type OpenOption, type Paging } from './components.js';
import { footer } from './footer.js';
import type { Links } from './links.js';

export const BULLET_LABEL: Record<MatchedBullet['kind'], string> = { keyPoint: '要点', risk: '风险' };

const BULLET_MAX = 600;

export interface AskPage {
  offset: number;
  limit: number;
  since: string;
}

/** Shown instead of results when nothing clears the threshold. */
export function noAnswerText(answer: AskAnswer): string {
  const near = answer.nearestTopics.length ? `\n相近的主题：${escapeVault(answer.nearestTopics.join('、'))}（可用 /topic 查看）` : '';
  return truncate(`没有找到与「${escapeVault(answer.query)}」相关的文章。换个说法，或减少限定词再试。${near}`, LIMITS.content);
}

function hitEmbed(hit: AskHit, stats: IndexStats, links: Links): APIEmbed {
  // Each bullet capped, so one very long bullet cannot crowd the others out.
  const lines = hit.bullets.map((b) => `**${BULLET_LABEL[b.kind]}** ${vaultText(b.text, BULLET_MAX)}`);
  const description = truncate(lines.length ? lines.join('\n') : vaultText(hit.oneLine, LIMITS.embedDescription), LIMITS.embedDescription);
  const url = links.doc(hit);
  return {
    title: vaultText(hit.title, LIMITS.embedTitle),
    ...(url ? { url } : {}),
    ...(description ? { description } : {}),
    ...footer(stats, hit, url ? undefined : hit.path),
  };
}

function paging(answer: AskAnswer, page: AskPage): Paging {
  const at = (offset: number): ComponentState => ({ kind: 'askPage', offset, limit: page.limit, since: page.since, query: answer.query });
  return {
    previous: page.offset > 0 ? at(Math.max(0, page.offset - page.limit)) : null,
    next: page.offset + answer.results.length < answer.total ? at(page.offset + page.limit) : null,
  };
}

/** One embed per article (title linked, the matching bullets, byline), paged. */
export function renderAsk(answer: AskAnswer, stats: IndexStats, page: AskPage, open: readonly OpenOption[], links: Links): Reply {
  const first = page.offset + 1;
  const last = page.offset + answer.results.length;
  const range = answer.total > answer.results.length ? `，第 ${first}–${last} 篇` : '';
  return {
    content: truncate(`「${escapeVault(answer.query)}」共 ${answer.total} 篇相关${range}：`, LIMITS.content),
    embeds: answer.results.slice(0, LIMITS.embedsPerMessage).map((hit) => hitEmbed(hit, stats, links)),
    components: rows(buttonRow(paging(answer, page)), openMenu(open)),
  };
}
