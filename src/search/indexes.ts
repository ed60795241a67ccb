import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { PreparedDoc } from './prepare.js';

/**
 * The MiniSearch index over pre-tokenized text (the analysis happens once, in tokenize.ts): one
 * document per vault file, its markdown structure as separate fields boosted separately (title,
 * one-sentence summary, summary bullets, topics, author and source, body keywords). Single bullets are scored apart,
 * in bullets.ts.
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
  meta: string;
  body: string;
}

export const DOC_INDEX_OPTIONS: Options<DocEntry> = {
  fields: ['title', 'oneLine', 'bullets', 'topics', 'meta', 'body'],
  tokenize: splitTokens,
  processTerm: identity,
};

export function docEntry(id: string, prepared: PreparedDoc): DocEntry {
  return {
    id,
    title: prepared.title.join(SEPARATOR),
    oneLine: prepared.oneLine.join(SEPARATOR),
    bullets: [...new Set([...prepared.keyPoints, ...prepared.risks].flat())].join(SEPARATOR),
    topics: prepared.topics.join(SEPARATOR),
    meta: prepared.meta.join(SEPARATOR),
    body: prepared.body.join(SEPARATOR),
  };
}

export function newDocIndex(): MiniSearch<DocEntry> {
  return new MiniSearch(DOC_INDEX_OPTIONS);
}

/** Queries arrive as token lists; MiniSearch must not re-tokenize them. */
export function tokenQuery(tokens: readonly string[]): { query: string; options: Pick<SearchOptions, 'tokenize' | 'processTerm'> } {
  return { query: tokens.join(SEPARATOR), options: { tokenize: splitTokens, processTerm: identity } };
}

