import MiniSearch, { type AsPlainObject, type Options, type SearchOptions } from 'minisearch';
import { FIELDS, type Postings } from './postings.js';

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

/** The title's number among the index's fields, its only one. */
const TITLE_FIELD = 0;

export const TITLE_INDEX_OPTIONS: Options<TitleEntry> = {
  fields: ['title'],
  tokenize: splitTokens,
  processTerm: identity,
};

/**
 * The title index, made from the postings' title field at every start rather than saved: each
 * title's terms with their counts are all MiniSearch keeps of it. Its saved form cost more than
 * the making: writing it built 45 MB of objects (MiniSearch's `toJSON`) when a cold build's memory
 * peaks. It is made in MiniSearch's own plain form and loaded term by term, as a saved form is
 * loaded; adding each title anew looks every occurrence up in MiniSearch's tree, twice as slow.
 * `paths`: each document's id, by its number in the postings.
 */
export function titleIndexOf(postings: Postings, paths: readonly string[]): MiniSearch<TitleEntry> {
  const field = FIELDS.indexOf('title');
  // Written as JSON and parsed: V8 parses objects keyed by document numbers three times faster
  // than code assigns those keys one by one.
  const terms: string[] = [];
  for (let id = 0; id < postings.termCount; id++) {
    const start = postings.start(id, field);
    const end = postings.end(id, field);
    if (start === end) continue;
    let counts = '';
    for (let p = start; p < end; p++) counts += `${p > start ? ',' : ''}"${postings.documents[p]!}":${postings.counts[p]!}`;
    terms.push(`[${JSON.stringify(postings.term(id))},{"${TITLE_FIELD}":{${counts}}}]`);
  }
  const index = JSON.parse(`[${terms.join(',')}]`) as AsPlainObject['index'];
  return MiniSearch.loadJS(
    {
      documentCount: paths.length,
      nextId: paths.length,
      documentIds: { ...paths },
      fieldIds: { title: TITLE_FIELD },
      // MiniSearch's field length is a title's number of distinct terms, as the postings count it.
      fieldLength: Object.fromEntries(paths.map((_, doc) => [doc, [postings.length(doc, field)]])),
      averageFieldLength: [postings.averageLengths[field]!],
      storedFields: {},
      dirtCount: 0,
      index,
      serializationVersion: 2,
    },
    TITLE_INDEX_OPTIONS,
  );
}

/** Queries arrive as token lists; MiniSearch must not re-tokenize them. */
export function tokenQuery(tokens: readonly string[]): { query: string; options: Pick<SearchOptions, 'tokenize' | 'processTerm'> } {
  return { query: tokens.join(SEPARATOR), options: { tokenize: splitTokens, processTerm: identity } };
}
