import MiniSearch, { type Options, type SearchOptions } from 'minisearch';

/**
 * The MiniSearch index of titles, over pre-tokenized text (the analysis happens once, in
 * tokenize.ts): /summary and autocomplete find a document by its title's words in any order, with
 * MiniSearch's AND, prefix and typo search. The other fields are searched in postings.ts.
 */

const SEPARATOR = '\n';
const splitTokens = (text: string) => (text ? text.split(SEPARATOR) : []);
const identity = (term: string) => term;

export interface TitleEntry {
  /** The document's vault path, so ids survive files being added and removed. */
  id: string;
  title: string;
}

export const TITLE_INDEX_OPTIONS: Options<TitleEntry> = {
  fields: ['title'],
  tokenize: splitTokens,
  processTerm: identity,
};

export function titleEntry(id: string, title: readonly string[]): TitleEntry {
  return { id, title: title.join(SEPARATOR) };
}

export function newTitleIndex(): MiniSearch<TitleEntry> {
  return new MiniSearch(TITLE_INDEX_OPTIONS);
}

/** Queries arrive as token lists; MiniSearch must not re-tokenize them. */
export function tokenQuery(tokens: readonly string[]): { query: string; options: Pick<SearchOptions, 'tokenize' | 'processTerm'> } {
  return { query: tokens.join(SEPARATOR), options: { tokenize: splitTokens, processTerm: identity } };
}
