import type { DocRecord } from '../digest/types.js';
import type { Engine } from '../search/engine.js';
import { MAX_QUESTION, type OpenTarget } from './customId.js';
import { UserError } from './errors.js';
import { noAnswerText, renderAsk, type AskPage } from './render/ask.js';
import type { OpenOption } from './render/components.js';
import type { Links } from './render/links.js';
import { renderSummary, noSummaryText } from './render/summary.js';
import { renderTopic, TOPIC_PAGE, unknownTopicText } from './render/topic.js';
import type { Reply } from './reply.js';
import { QUERY_ECHO, vaultText } from './text.js';

/** Engine questions turned into replies: shared by the commands and by clicks on their buttons. */

export const ASK_LIMIT = { min: 1, max: 10, default: 5 } as const;

export interface AskRequest extends AskPage {
  query: string;
}

export function askReply(engine: Engine, links: Links, request: AskRequest): Reply | UserError {
  const query = request.query.trim();
  if (!query) return new UserError('请输入问题，例如：英伟达的芯片。');
  if (Array.from(query).length > MAX_QUESTION) return new UserError(`问题太长了：请控制在 ${MAX_QUESTION} 个字以内。`);
  if (request.since && !isDay(request.since)) {
    return new UserError(`日期「${vaultText(request.since, QUERY_ECHO)}」不对：since 需要 YYYY-MM-DD 格式，例如 2025-01-31。`);
  }
  const limit = Math.min(ASK_LIMIT.max, Math.max(ASK_LIMIT.min, request.limit));
  const page = { offset: request.offset, limit, since: request.since };
  const answer = engine.ask(query, { limit, offset: page.offset, ...(page.since ? { since: page.since } : {}) });
  if (answer.results.length === 0) {
    return new UserError(page.offset > 0 ? '没有更多结果了。' : noAnswerText(answer));
  }
  const open = answer.results.flatMap((hit) => [
    { target: { kind: 'doc', id: hit.id }, label: `摘要：${hit.title}`, description: hit.oneLine } satisfies OpenOption,
    ...relatedOptions(engine, hit),
  ]);
  return renderAsk(answer, engine.stats, page, [...open, ...topicOptions(answer.results.flatMap((h) => h.topics))], links);
}

export function topicReply(engine: Engine, links: Links, name: string, offset = 0): Reply | UserError {
  if (!name.trim()) return new UserError('请输入主题名称，可以从自动补全中选择。');
  const answer = engine.topic(name.trim(), { limit: TOPIC_PAGE, offset });
  if (answer.topic === null) return new UserError(unknownTopicText(answer));
  if (answer.results.length === 0 && offset > 0) return new UserError('没有更多文章了。');
  return renderTopic({ ...answer, topic: answer.topic }, engine.stats, offset, links);
}

export function summaryReply(engine: Engine, links: Links, query: string): Reply | UserError {
  if (!query.trim()) return new UserError('请输入标题，可以从自动补全中选择。');
  const answer = engine.summary(query.trim(), { limit: 6 });
  const [best, ...others] = answer.results;
  if (!best) return new UserError(noSummaryText(query.trim()));
  const otherOptions = others.map((doc): OpenOption => ({ target: { kind: 'doc', id: doc.id }, label: doc.title, description: '标题相近' }));
  return renderSummary(best, engine.stats, [...docOptions(engine, best), ...otherOptions], links, others.length);
}

/** What a choice in the "open" menu shows: a document's summary, or a topic's first page. */
export function openReply(engine: Engine, links: Links, target: OpenTarget): Reply | UserError {
  if (target.kind === 'topic') return topicReply(engine, links, target.name);
  const doc = engine.docById(target.id);
  if (!doc) return new UserError('这篇文章已不在索引中，可能已被删除或改名。');
  return renderSummary(doc, engine.stats, docOptions(engine, doc), links);
}

/** What a document's menu opens: the related documents the vault holds, then its topics. */
export function docOptions(engine: Engine, doc: Pick<DocRecord, 'related' | 'topics'>): OpenOption[] {
  return [...relatedOptions(engine, doc), ...topicOptions(doc.topics)];
}

/** Related documents the vault holds; a link to a file outside it has nothing to open. */
function relatedOptions(engine: Engine, doc: Pick<DocRecord, 'related'>): OpenOption[] {
  return doc.related.flatMap((related) => {
    const target = engine.resolveLink(related.target);
    if (!target) return [];
    return [{ target: { kind: 'doc', id: engine.idOf(target.path) }, label: related.title, description: related.reason || '相关文档' }];
  });
}

function topicOptions(topics: readonly string[]): OpenOption[] {
  return topics.map((name) => ({ target: { kind: 'topic', name }, label: `主题：${name}`, description: '查看这个主题下的文章' }));
}

function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
