import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { DocRecord } from '../../digest/types.js';
import type { IndexStats } from '../../search/answers.js';
import { LIMITS } from '../limits.js';
import type { Reply } from '../reply.js';
import { QUERY_ECHO, truncate, vaultText } from '../text.js';
import { buttonRow, openMenu, rows, type OpenOption } from './components.js';
import { footer } from './footer.js';
import { docEntry, fitEntries, maskedLink, type ListEntry, type Links } from './links.js';

export function noSummaryText(query: string): string {
  return truncate(`没有标题与「${vaultText(query, QUERY_ECHO)}」相符的文章。试试标题中的几个字，或在输入时从自动补全中选择。`, LIMITS.content);
}

/**
 * Bullets packed into as few fields as fit 1024 characters each (`要点`, `要点（续）`…), so a long
 * summary is split rather than cut; only a single bullet longer than a field is cut.
 */
export function bulletFields(label: string, items: readonly string[]): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  let value = '';
  const flush = () => {
    if (!value) return;
    fields.push({ name: fields.length ? `${label}（续）` : label, value });
    value = '';
  };
  for (const item of items) {
    const line = `• ${vaultText(item, LIMITS.fieldValue - 2)}`;
    if (value && value.length + 1 + line.length > LIMITS.fieldValue) flush();
    value = value ? `${value}\n${line}` : line;
  }
  flush();
  return fields;
}

/** Topics linked to their pages, related documents as documents in a list: linked, or with their path. */
function linkFields(doc: DocRecord, links: Links): APIEmbedField[] {
  const topics = doc.topics.map((name): ListEntry => ({ full: maskedLink(name, links.topic(name), 100), short: vaultText(name, 100) }));
  const related = doc.related.map((r): ListEntry => {
    const target = links.related(r.target);
    // A link to a file the vault does not hold has neither an address nor a path to show.
    return target ? docEntry(r.title, target, links, 200) : { full: vaultText(r.title, 200), short: vaultText(r.title, 200) };
  });
  return [
    ...(topics.length ? [{ name: '关联主题', value: fitEntries(topics, '、', LIMITS.fieldValue) }] : []),
    ...(related.length ? [{ name: '相关文档', value: fitEntries(related, '\n', LIMITS.fieldValue) }] : []),
  ];
}

/** One document's whole summary (title linked): one-line summary, 要点, 风险, topics and related documents. */
export function renderSummary(doc: DocRecord, stats: IndexStats, open: readonly OpenOption[], links: Links, others = 0): Reply {
  const url = links.doc(doc);
  const fields = [...bulletFields('要点', doc.keyPoints), ...bulletFields('风险', doc.risks), ...linkFields(doc, links)].slice(0, LIMITS.embedFields);
  const embed: APIEmbed = {
    title: vaultText(doc.title, LIMITS.embedTitle),
    ...(url ? { url } : {}),
    ...(doc.oneLine ? { description: vaultText(doc.oneLine, LIMITS.embedDescription) } : {}),
    ...(fields.length ? { fields } : {}),
    ...footer(stats, doc, url ? undefined : doc.path),
  };
  return {
    ...(others > 0 ? { content: `另有 ${others} 篇标题相近的文章，可在下方菜单中打开。` } : {}),
    embeds: [embed],
    components: rows(buttonRow(null), openMenu(open)),
  };
}
