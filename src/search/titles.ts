import type { SearchOptions, SearchResult } from 'minisearch';
import type { SummaryAnswer, SummaryHit, Suggestion } from './answers.js';
import { tokenQuery } from './indexes.js';
import { isLatin, type SearchState } from './state.js';
import { tokenize } from './tokenize.js';
import { compareNewestFirst, rankTopics, topicKey } from './topics.js';

/** Discord's autocomplete limits; the terminal and the bot share them. */
export const MAX_SUGGESTIONS = 25;
export const MAX_SUGGESTION_CHARS = 100;

/** Titles compared without case, width, spaces or punctuation, so fragments match however typed. */
export function titleKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '').normalize('NFKC');
}

/**
 * Finds documents by title: a fragment of the title first (shortest title wins); when fragments
 * give too few, title words in any order, with prefix and fuzzy matching for English names.
 */
function findByTitle(state: SearchState, query: string, limit: number): { index: number; score: number }[] {
  const key = titleKey(query);
  if (!key) return [];
  const scored = new Map<number, number>();
  state.titleKeys.forEach((title, index) => {
    if (state.docs[index]!.kind !== 'topic' && title.includes(key)) scored.set(index, 100 + (50 * key.length) / title.length);
  });
  const tokens = [...new Set(tokenize(query, state.phrases))];
  if (tokens.length > 0 && scored.size < limit) {
    const { query: q, options } = tokenQuery(tokens);
    const base = { ...options, filter: (hit: SearchResult) => !state.isTopic[state.positions.get(hit.id as string)!] };
    // Cheapest first: exact words in any order, then English prefixes, then typos, then any word.
    const attempts: SearchOptions[] = [
      { ...base, combineWith: 'AND' },
      { ...base, combineWith: 'AND', prefix: (term) => isLatin(term) && term.length >= 2 },
      // Typos without prefixes: the two together multiply the terms MiniSearch must visit.
      { ...base, combineWith: 'AND', fuzzy: (term) => isLatin(term) && term.length >= 5, maxFuzzy: 1 },
      { ...base, combineWith: 'OR', prefix: (term) => isLatin(term) && term.length >= 2 },
    ];
    // Prefix and typo matching apply to English words only; without any, those attempts repeat the first.
    const latin = tokens.some(isLatin);
    let hits: SearchResult[] = [];
    for (const attempt of latin ? attempts : [attempts[0]!, attempts[3]!]) {
      hits = state.titleIndex.search(q, attempt);
      if (hits.length > 0) break;
    }
    const max = hits[0]?.score ?? 1;
    for (const hit of hits) {
      const index = state.positions.get(hit.id as string)!;
      const coverage = hit.queryTerms.length / tokens.length;
      scored.set(index, Math.max(scored.get(index) ?? 0, 90 * coverage * (hit.score / max)));
    }
  }
  const order = (a: [number, number], b: [number, number]) => b[1] - a[1] || compareNewestFirst(state.docs[a[0]]!, state.docs[b[0]]!);
  return best(scored, limit, order).map(([index, score]) => ({ index, score: Math.round(score * 100) / 100 }));
}

/**
 * The first `limit` items in `order`, without sorting them all: a letter typed into autocomplete
 * is in thousands of titles, of which 25 are shown.
 */
export function best<T>(items: Iterable<T>, limit: number, order: (a: T, b: T) => number): T[] {
  const kept: T[] = [];
  for (const item of items) {
    if (kept.length === limit && order(item, kept[limit - 1]!) >= 0) continue;
    let at = kept.length;
    while (at > 0 && order(item, kept[at - 1]!) < 0) at--;
    kept.splice(at, 0, item);
    if (kept.length > limit) kept.pop();
  }
  return kept;
}

export function summary(state: SearchState, query: string, options: { limit?: number } = {}): SummaryAnswer {
  const limit = Math.max(1, Math.min(25, options.limit ?? 3));
  const results = findByTitle(state, query, limit).map(
    ({ index, score }): SummaryHit => ({ ...state.docs[index]!, id: state.ids[index]!, score }),
  );
  return { query, results };
}

export function clip(text: string, max = MAX_SUGGESTION_CHARS): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

export function suggestTitles(state: SearchState, prefix: string): Suggestion[] {
  const indexes = titleKey(prefix)
    ? findByTitle(state, prefix, MAX_SUGGESTIONS).map((r) => r.index)
    : state.newest.slice(0, MAX_SUGGESTIONS);
  return indexes.map((index) => {
    const title = clip(state.docs[index]!.title);
    // A title cut to 100 characters is still a fragment of the title, which /summary finds.
    return { name: title, value: title.endsWith('…') ? title.slice(0, -1) : title };
  });
}

export function suggestTopics(state: SearchState, prefix: string): Suggestion[] {
  const key = topicKey(prefix);
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  const add = (name: string, via: string) => {
    if (seen.has(name) || out.length >= MAX_SUGGESTIONS) return;
    seen.add(name);
    out.push({ name: clip(via === name ? name : `${via} → ${name}`), value: clip(name) });
  };
  if (!key) {
    for (const topic of state.topics) add(topic.name, topic.name);
    return out;
  }
  for (const mode of ['prefix', 'contains'] as const) {
    for (const topic of state.topics) {
      for (const name of [topic.name, ...topic.aliases]) {
        const k = topicKey(name);
        if (mode === 'prefix' ? k.startsWith(key) : k.includes(key)) add(topic.name, name);
      }
    }
  }
  for (const match of rankTopics(state.topics, key)) if (match.distance <= 2) add(match.topic.name, match.via);
  return out;
}
