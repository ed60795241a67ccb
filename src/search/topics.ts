import type { DocRecord } from '../digest/types.js';

/** A topic page is named by its file: `00-元语/OpenAI.md` is OpenAI's. */
export function topicPageName(doc: DocRecord): string {
  return doc.path.split('/').pop()!.replace(/\.md$/i, '');
}

/** A topic: a page under 00-元语, or a name articles link to that has no page yet. */
export interface Topic {
  name: string;
  /** Vault path of the topic page, empty when the topic has none. */
  path: string;
  definition: string;
  aliases: string[];
  /** Indexes into the engine's doc list, newest first. */
  articles: number[];
}

/** Case, width and spacing never matter when naming a topic: `Claude  Code` = `claudecode`. */
export function topicKey(text: string): string {
  // Normalised again after removing characters, so that applying it twice changes nothing.
  return text.normalize('NFKC').toLowerCase().replace(/[\s_\-·・.]+/g, '').normalize('NFKC');
}

export function buildTopics(docs: readonly DocRecord[]): Topic[] {
  const byKey = new Map<string, Topic>();
  const topicFor = (name: string): Topic => {
    const key = topicKey(name);
    let topic = byKey.get(key);
    if (!topic) {
      topic = { name, path: '', definition: '', aliases: [], articles: [] };
      byKey.set(key, topic);
    }
    return topic;
  };
  docs.forEach((doc) => {
    if (doc.kind !== 'topic') return;
    const name = topicPageName(doc);
    // A folder's README or index page describes the folder, not a topic.
    if (/^(readme|index)$/i.test(name)) return;
    const topic = topicFor(name);
    Object.assign(topic, { path: doc.path, definition: doc.definition || doc.oneLine, aliases: doc.aliases });
  });
  docs.forEach((doc, index) => {
    if (doc.kind === 'topic') return;
    for (const name of doc.topics) topicFor(name).articles.push(index);
  });
  for (const topic of byKey.values()) {
    topic.articles.sort((a, b) => compareNewestFirst(docs[a]!, docs[b]!));
  }
  return [...byKey.values()].sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name));
}

export function compareNewestFirst(a: DocRecord, b: DocRecord): number {
  return b.date.localeCompare(a.date) || a.title.localeCompare(b.title);
}

export interface TopicMatch {
  topic: Topic;
  /** The name or alias that matched. */
  via: string;
  distance: number;
}

/**
 * Resolves what a user typed to a topic: exact (any case, any spacing) on the name or a stated
 * alias, then small typos scaled to the name's length, then a unique prefix.
 */
export function resolveTopic(topics: readonly Topic[], input: string): TopicMatch | null {
  const key = topicKey(input);
  if (!key) return null;
  const ranked = rankTopics(topics, key);
  const best = ranked[0];
  if (best?.distance === 0) return best;
  const allowed = Array.from(key).length <= 4 ? 1 : 2;
  if (best && best.distance <= allowed) return best;
  const prefixed = topics.filter((t) => [t.name, ...t.aliases].some((name) => topicKey(name).startsWith(key)));
  return prefixed.length === 1 && Array.from(key).length >= 3 ? { topic: prefixed[0]!, via: prefixed[0]!.name, distance: 1 } : null;
}

/** Topics ordered by how close any of their names is to `key` (already a topicKey). */
export function rankTopics(topics: readonly Topic[], key: string): TopicMatch[] {
  const matches: TopicMatch[] = [];
  for (const topic of topics) {
    let best: TopicMatch | null = null;
    for (const name of [topic.name, ...topic.aliases]) {
      const distance = damerauLevenshtein(key, topicKey(name), 3);
      if (!best || distance < best.distance) best = { topic, via: name, distance };
    }
    if (best && best.distance <= 3) matches.push(best);
  }
  return matches.sort((a, b) => a.distance - b.distance || b.topic.articles.length - a.topic.articles.length);
}

/** Edit distance counting an adjacent swap as one edit (OpneAI → OpenAI); gives up past `max`. */
export function damerauLevenshtein(a: string, b: string, max: number): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (Math.abs(s.length - t.length) > max) return max + 1;
  if (s.length === 0 || t.length === 0) return Math.max(s.length, t.length);
  const rows: number[][] = [];
  for (let i = 0; i <= s.length; i++) rows.push([i, ...new Array<number>(t.length).fill(0)]);
  for (let j = 0; j <= t.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= s.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
  }
  return rows[s.length]![t.length]!;
}
