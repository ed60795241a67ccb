import type { SearchResult } from 'minisearch';
import type { AskAnswer, AskHit, MatchedBullet } from './answers.js';
import { bulletIdParts, tokenQuery } from './indexes.js';
import { docOf, isLatin, type SearchState } from './state.js';
import { tokenize } from './tokenize.js';

export interface AskOptions {
  limit?: number;
  offset?: number;
  /** Only articles dated on or after this day (YYYY-MM-DD). */
  since?: string;
}

/** Field boosts: the summary states what an article is about; the body only supports it. */
const BOOST = { title: 3, oneLine: 2, bullets: 1.6, topics: 1.2, body: 0.5 };
/** Share of the question's weight an answer must cover, else it is noise. */
export const MIN_COVERAGE = 0.55;
const DOC_WEIGHT = 0.55;
const BULLET_WEIGHT = 0.45;

const prefix = (term: string) => isLatin(term) && term.length >= 4;
const fuzzy = (term: string) => (isLatin(term) && term.length >= 6 ? 0.2 : false);

export function ask(state: SearchState, query: string, options: AskOptions = {}): AskAnswer {
  const limit = clamp(options.limit ?? 5, 1, 50);
  const offset = Math.max(0, options.offset ?? 0);
  const tokens = [...new Set(tokenize(query, state.phrases))];
  const empty: AskAnswer = { query, results: [], total: 0, nearestTopics: [] };
  if (tokens.length === 0) return empty;

  const { query: q, options: tokenOptions } = tokenQuery(tokens);
  const docHits = state.docIndex.search(q, {
    ...tokenOptions,
    combineWith: 'OR',
    boost: BOOST,
    prefix,
    fuzzy,
    boostTerm: termBoost,
    filter: (hit) => docOf(state, hit.id).kind !== 'topic',
  });
  if (docHits.length === 0) return { ...empty, nearestTopics: nearestTopics(state, q, tokenOptions) };

  const weights = termWeights(tokens, docHits, state.docs.length);
  const totalWeight = [...weights.values()].reduce((a, b) => a + b, 0);
  const bullets = bulletScores(state, q, tokenOptions);
  const maxDoc = docHits[0]!.score;
  const maxBullet = Math.max(1e-9, ...[...bullets.values()].map((b) => b.best));

  const ranked = docHits
    .map((hit) => {
      const coverage = hit.queryTerms.reduce((sum, term) => sum + (weights.get(term) ?? 0), 0) / totalWeight;
      const bullet = bullets.get(hit.id as string);
      const score = coverage * coverage * (DOC_WEIGHT * (hit.score / maxDoc) + BULLET_WEIGHT * ((bullet?.best ?? 0) / maxBullet));
      return { hit, coverage, score, bullet };
    })
    .filter((r) => r.coverage >= MIN_COVERAGE && (!options.since || docOf(state, r.hit.id).date >= options.since))
    .sort((a, b) => b.score - a.score);

  if (ranked.length === 0) return { ...empty, nearestTopics: nearestTopics(state, q, tokenOptions) };
  const results = ranked.slice(offset, offset + limit).map(({ hit, score, bullet }): AskHit => {
    const index = state.positions.get(hit.id as string)!;
    const doc = state.docs[index]!;
    return {
      path: doc.path,
      id: state.ids[index]!,
      title: doc.title,
      url: doc.url,
      date: doc.date,
      author: doc.author,
      sourceName: doc.sourceName,
      score: Math.round(score * 1000) / 1000,
      oneLine: doc.oneLine,
      bullets: bullet?.matched ?? [],
      topics: doc.topics,
      related: doc.related,
    };
  });
  return { query, results, total: ranked.length, nearestTopics: [] };
}

/** A single Han character says little on its own; names and English words say much. */
function termBoost(term: string): number {
  if (isLatin(term)) return 1.2;
  return Array.from(term).length === 1 ? 0.4 : 1;
}

/** Inverse document frequency of each query term, read off the OR query's own hits. */
function termWeights(tokens: string[], hits: SearchResult[], total: number): Map<string, number> {
  const df = new Map<string, number>(tokens.map((t) => [t, 0]));
  for (const hit of hits) for (const term of hit.queryTerms) df.set(term, (df.get(term) ?? 0) + 1);
  const weights = new Map<string, number>();
  for (const [term, count] of df) weights.set(term, termBoost(term) * Math.log(1 + total / (count + 1)));
  return weights;
}

interface DocBullets {
  best: number;
  matched: MatchedBullet[];
}

function bulletScores(state: SearchState, q: string, tokenOptions: ReturnType<typeof tokenQuery>['options']): Map<string, DocBullets> {
  const byDoc = new Map<string, DocBullets>();
  const hits = state.bulletIndex.search(q, { ...tokenOptions, combineWith: 'OR', prefix, fuzzy, boostTerm: termBoost });
  for (const hit of hits) {
    const { path, k } = bulletIdParts(hit.id as string);
    const doc = docOf(state, path);
    let entry = byDoc.get(path);
    if (!entry) byDoc.set(path, (entry = { best: 0, matched: [] }));
    entry.best = Math.max(entry.best, hit.score);
    if (k === 0) continue; // the one-sentence summary counts for ranking but is shown on its own
    const kind = k <= doc.keyPoints.length ? 'keyPoint' : 'risk';
    const text = kind === 'keyPoint' ? doc.keyPoints[k - 1]! : doc.risks[k - 1 - doc.keyPoints.length]!;
    entry.matched.push({ kind, text, score: Math.round(hit.score * 1000) / 1000 });
  }
  return byDoc;
}

/** Topic pages closest to the question, for the "nothing found" answer. */
function nearestTopics(state: SearchState, q: string, tokenOptions: ReturnType<typeof tokenQuery>['options']): string[] {
  return state.docIndex
    .search(q, { ...tokenOptions, combineWith: 'OR', prefix, fuzzy, filter: (hit) => docOf(state, hit.id).kind === 'topic' })
    .slice(0, 5)
    .map((hit) => docOf(state, hit.id).path.split('/').pop()!.replace(/\.md$/i, ''));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.floor(value)));
}
