import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { PreparedDoc } from './prepare.js';

/**
 * Two MiniSearch indexes over pre-tokenized text (the analysis happens once, in tokenize.ts):
 * one document per vault file, fields boosted separately; and one document per summary bullet,
 * so ranking can tell an article whose bullet states the asked fact from one that mentions the
 * words in passing.
 */

const SEPARATOR = '\n';
const splitTokens = (text: string) => (text ? text.split(SEPARATOR) : []);
const identity = (term: string) => term;

export interface DocEntry {
  /** The document's vault path, so ids survive files being added and removed. */
  id: string;
  title: string;
  oneLine: string;
  bullets: string;
  topics: string;
  body: string;
}

export interface BulletEntry {
  /** `${path}#${k}`; bullet 0 is the one-sentence summary, then key points, then risks. */
  id: string;
  text: string;
}

export const DOC_INDEX_OPTIONS: Options<DocEntry> = {
  fields: ['title', 'oneLine', 'bullets', 'topics', 'body'],
  tokenize: splitTokens,
  processTerm: identity,
};

export const BULLET_INDEX_OPTIONS: Options<BulletEntry> = {
  fields: ['text'],
  tokenize: splitTokens,
  processTerm: identity,
};

export function docEntry(id: string, prepared: PreparedDoc): DocEntry {
  return {
    id,
    title: prepared.title.join(SEPARATOR),
    oneLine: prepared.oneLine.join(SEPARATOR),
    bullets: [...prepared.keyPoints, ...prepared.risks].flat().join(SEPARATOR),
    topics: prepared.topics.join(SEPARATOR),
    body: prepared.body.join(SEPARATOR),
  };
}

export function bulletEntries(id: string, prepared: PreparedDoc): BulletEntry[] {
  return [prepared.oneLine, ...prepared.keyPoints, ...prepared.risks]
    .map((tokens, k) => ({ id: `${id}#${k}`, text: tokens.join(SEPARATOR) }))
    .filter((entry) => entry.text.length > 0);
}

export function newDocIndex(): MiniSearch<DocEntry> {
  return new MiniSearch(DOC_INDEX_OPTIONS);
}

export function newBulletIndex(): MiniSearch<BulletEntry> {
  return new MiniSearch(BULLET_INDEX_OPTIONS);
}

/** Queries arrive as token lists; MiniSearch must not re-tokenize them. */
export function tokenQuery(tokens: readonly string[]): { query: string; options: Pick<SearchOptions, 'tokenize' | 'processTerm'> } {
  return { query: tokens.join(SEPARATOR), options: { tokenize: splitTokens, processTerm: identity } };
}

export function bulletIdParts(id: string): { path: string; k: number } {
  const cut = id.lastIndexOf('#');
  return { path: id.slice(0, cut), k: Number(id.slice(cut + 1)) };
}
