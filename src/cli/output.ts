import { docLink } from '../digest/links.js';
import type { AskAnswer, Suggestion, SummaryAnswer, TopicAnswer } from '../search/answers.js';

/**
 * The terminal contract: one JSON object per query, with the fields scripts rely on first
 * (path, title, url, score, bullets …) and extra detail after them. `url` is the source link the
 * vault gives, as the engine answers it; the text renderers show the link a reply would use
 * (the source, else the page under `siteBase`, DIGEST_BASE_URL), below the vault path.
 */
export function askJson(answer: AskAnswer): object {
  return {
    query: answer.query,
    total: answer.total,
    results: answer.results.map((hit) => ({
      path: hit.path,
      title: hit.title,
      url: hit.url,
      score: hit.score,
      bullets: hit.bullets.map((b) => b.text),
      bulletKinds: hit.bullets.map((b) => b.kind),
      date: hit.date,
      oneLine: hit.oneLine,
      id: hit.id,
    })),
    nearestTopics: answer.nearestTopics,
  };
}

export function topicJson(answer: TopicAnswer): object {
  return {
    query: answer.query,
    topic: answer.topic,
    total: answer.total,
    results: answer.results.map(({ path, title, date, url, id }) => ({ path, title, date, url, id })),
    definition: answer.definition,
    aliases: answer.aliases,
    suggestions: answer.suggestions,
  };
}

export function summaryJson(answer: SummaryAnswer): object {
  return {
    query: answer.query,
    results: answer.results.map((hit) => ({
      path: hit.path,
      title: hit.title,
      url: hit.url,
      oneLine: hit.oneLine,
      keyPoints: hit.keyPoints,
      risks: hit.risks,
      date: hit.date,
      author: hit.author,
      sourceName: hit.sourceName,
      topics: hit.topics,
      related: hit.related,
      score: hit.score,
      id: hit.id,
    })),
  };
}

export function askText(answer: AskAnswer, siteBase?: string): string {
  if (answer.results.length === 0) {
    const near = answer.nearestTopics.length ? `\n相近的主题：${answer.nearestTopics.join('、')}` : '';
    return `没有找到能回答「${answer.query}」的文章。${near}`;
  }
  const blocks = answer.results.map((hit, i) => {
    const lines = [`${i + 1}. ${hit.title}  (${hit.score})`, `   ${hit.path}`];
    const link = docLink(hit, siteBase);
    if (link) lines.push(`   ${link}`);
    if (hit.date) lines.push(`   ${hit.date}`);
    for (const bullet of hit.bullets.slice(0, 3)) lines.push(`   - [${bullet.kind === 'risk' ? '风险' : '要点'}] ${bullet.text}`);
    if (hit.bullets.length === 0 && hit.oneLine) lines.push(`   ${hit.oneLine}`);
    return lines.join('\n');
  });
  return `「${answer.query}」共 ${answer.total} 篇相关：\n\n${blocks.join('\n\n')}`;
}

export function topicText(answer: TopicAnswer, siteBase?: string): string {
  if (!answer.topic) {
    const near = answer.suggestions.length ? `\n你是不是要找：${answer.suggestions.join('、')}` : '';
    return `没有名为「${answer.query}」的主题。${near}`;
  }
  const head = [`主题：${answer.topic}（共 ${answer.total} 篇）`];
  if (answer.aliases.length) head.push(`别名：${answer.aliases.join('、')}`);
  if (answer.definition) head.push(answer.definition);
  const rows = answer.results.map((r) => {
    const link = docLink(r, siteBase);
    return `- ${r.date || '日期不详'}  ${r.title}\n  ${r.path}${link ? `\n  ${link}` : ''}`;
  });
  return [...head, '', ...rows].join('\n');
}

export function summaryText(answer: SummaryAnswer, siteBase?: string): string {
  if (answer.results.length === 0) return `没有找到标题像「${answer.query}」的文章。`;
  return answer.results
    .map((doc) => {
      const lines = [doc.title, doc.path];
      const meta = [doc.date, doc.author, doc.sourceName].filter(Boolean).join(' · ');
      if (meta) lines.push(meta);
      const link = docLink(doc, siteBase);
      if (link) lines.push(link);
      if (doc.oneLine) lines.push('', doc.oneLine);
      if (doc.keyPoints.length) lines.push('', '要点：', ...doc.keyPoints.map((p) => `- ${p}`));
      if (doc.risks.length) lines.push('', '风险：', ...doc.risks.map((p) => `- ${p}`));
      if (doc.related.length) lines.push('', '相关文档：', ...doc.related.map((r) => `- ${r.title}${r.reason ? `（${r.reason}）` : ''}`));
      if (doc.topics.length) lines.push('', `主题：${doc.topics.join('、')}`);
      return lines.join('\n');
    })
    .join('\n\n────────\n\n');
}

export function suggestionsText(suggestions: Suggestion[]): string {
  return suggestions.length ? suggestions.map((s) => s.name).join('\n') : '（无建议）';
}
