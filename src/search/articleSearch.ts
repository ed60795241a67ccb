import { FIELDS, type Field } from './postings.js';
import { isLatin, type SearchState } from './state.js';

/** Field boosts: the title and summary state what an article is about; body keywords only support it. */
export const FIELD_BOOST: Readonly<Record<Field, number>> = { title: 3, oneLine: 2, bullets: 1.5, topics: 1.2, meta: 1, body: 0.6 };
export const SUMMARY_FIELDS: readonly Field[] = ['title', 'oneLine', 'bullets', 'topics', 'meta'];
/**
 * A word in the summaries of more than this share of articles is common: it says little about which
 * one answers, and its postings are the longest in the index.
 */
export const COMMON_SHARE = 0.1;
/** BM25+ parameters and weights of derived terms, MiniSearch's, with which the ranking was tuned. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** A word the vault states for a question word (prompt for 提示词, rag for 检索增强生成) counts this much of it. */
const SYNONYM_WEIGHT = 0.5;
const MAX_FUZZY = 6;
/** A word in the summaries of at most this many articles is never common: in a small vault every word is in a tenth of it. */
const COMMON_FLOOR = 20;
/** Typo tolerance: edits allowed per character of the word. */
export const FUZZY = 0.2;

/** Latin words also match the longer terms they begin (agent: agents, agentic). */
export const byPrefix = (term: string) => isLatin(term) && term.length >= 4;

/** Whether more than `share` of the articles, and more than a few, state `term` in their summaries. */
export function heldByMany(state: Pick<ArticleIndex, 'bulletScorer' | 'docs'>, term: string, share: number): boolean {
  return state.bulletScorer.documents(term) > Math.max(COMMON_FLOOR, state.docs.length * share);
}

/** A single Han character says little on its own; names and English words say much. */
export function termBoost(term: string): number {
  if (isLatin(term)) return 1.2;
  return Array.from(term).length === 1 ? 0.4 : 1;
}

/** What the search reads: the postings, which words are common, and the documents by position. */
export type ArticleIndex = Pick<SearchState, 'postings' | 'bulletScorer' | 'docs' | 'isTopic' | 'synonyms'>;

export interface ArticleHit {
  /** The article's vault path. */
  id: string;
  score: number;
  /** The question's words the article holds, anywhere. */
  queryTerms: string[];
  /** The question's words in its summary fields, not only in body keywords. */
  summaryTerms: string[];
  /** The index terms it matched: the question's words and the terms derived from them (agents). */
  terms: string[];
  /** The index terms it matched in its title: what the article is about. */
  titleTerms: Set<string>;
}

export interface ArticlesFound {
  /** The best articles, best first. */
  hits: ArticleHit[];
  /** How many articles found hold each question word. */
  holders: Map<string, number>;
}

/**
 * The OR search over articles (or, with `topics`, over topic pages), scored as MiniSearch scored
 * it (BM25+ per field, boosted, times the number of question words a search matched), in parts
 * that add up to one: the question's rarer words in the summary fields and in body keywords, then
 * its common words in the summary fields of the articles found so far. A common word's postings are
 * the longest in the index, and an article that holds only common words of a question cannot cover
 * enough of it to be an answer; looking them up only where they can add to one keeps long questions
 * fast. A question of common words alone
 * searches them everywhere.
 *
 * Scores add up in arrays by document, and only the best `limit` articles become objects.
 * `fuzzy`: words that also match terms a typo away.
 */
export function searchArticles(
  state: ArticleIndex,
  tokens: readonly string[],
  limit: number,
  options: { fuzzy?: ReadonlySet<string>; topics?: boolean } = {},
): ArticlesFound {
  const { postings } = state;
  const size = postings.documentCount;
  const wanted = options.topics ? 1 : 0;
  const words = Math.ceil(tokens.length / 32);
  // Per document: which question words it matched (bit per word), anywhere and in summary fields.
  const anywhere = new Uint32Array(size * words);
  const inSummary = new Uint32Array(size * words);
  const has = (bits: Uint32Array, doc: number, word: number) => (bits[doc * words + (word >>> 5)]! & (1 << (word & 31))) !== 0;
  const total = new Float64Array(size);
  const found = new Uint8Array(size);
  const touched: number[] = [];
  // Per document, a chain of (derived term, field) matches, read back for the best articles only.
  const first = new Int32Array(size).fill(-1);
  const next: number[] = [];
  const matchTerm: number[] = [];
  const matchField: number[] = [];
  const derived = derivedTerms(state, tokens, options.fuzzy ?? new Set());
  const titleField = FIELDS.indexOf('title');

  const run = (sources: readonly number[], fields: readonly Field[], only?: Uint8Array) => {
    const inRun = new Uint8Array(tokens.length);
    for (const source of sources) inRun[source] = 1;
    const summary = !fields.includes('body');
    const score = new Float64Array(size);
    const matched = new Uint16Array(size);
    const lastSource = new Int32Array(size).fill(-1);
    const touchedHere: number[] = [];
    for (const term of derived) {
      if (!inRun[term.source]) continue;
      const bit = 1 << (term.source & 31);
      const slot = term.source >>> 5;
      for (const field of fields) {
        const fieldId = FIELDS.indexOf(field);
        const start = postings.start(term.id, fieldId);
        const end = postings.end(term.id, fieldId);
        if (start === end) continue;
        const weight = term.weight * termBoost(tokens[term.source]!) * FIELD_BOOST[field];
        const idf = Math.log(1 + (size - (end - start) + 0.5) / (end - start + 0.5));
        const average = postings.averageLengths[fieldId]!;
        for (let p = start; p < end; p++) {
          const doc = postings.documents[p]!;
          if (state.isTopic[doc] !== wanted || (only && !only[doc])) continue;
          const tf = postings.counts[p]!;
          const norm = BM25.k * (1 - BM25.b + (BM25.b * postings.length(doc, fieldId)) / average);
          score[doc]! += weight * idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + norm));
          if (lastSource[doc] !== term.source) {
            if (lastSource[doc] === -1) touchedHere.push(doc);
            lastSource[doc] = term.source;
            matched[doc]!++;
          }
          anywhere[doc * words + slot]! |= bit;
          if (summary) inSummary[doc * words + slot]! |= bit;
          next.push(first[doc]!);
          matchTerm.push(term.index);
          matchField.push(fieldId);
          first[doc] = next.length - 1;
        }
      }
    }
    for (const doc of touchedHere) {
      total[doc]! += score[doc]! * matched[doc]!;
      if (!found[doc]) {
        found[doc] = 1;
        touched.push(doc);
      }
    }
  };

  const all = tokens.map((_, i) => i);
  const common = all.filter((i) => state.bulletScorer.documents(tokens[i]!) > state.docs.length * COMMON_SHARE);
  const rare = all.filter((i) => !common.includes(i));
  if (rare.length === 0) run(common, SUMMARY_FIELDS);
  else {
    run(rare, SUMMARY_FIELDS);
    run(rare, ['body']);
    if (common.length > 0) run(common, SUMMARY_FIELDS, found.slice());
  }

  const holders = new Map(tokens.map((t) => [t, 0]));
  for (const doc of touched) {
    tokens.forEach((token, i) => {
      if (has(anywhere, doc, i)) holders.set(token, holders.get(token)! + 1);
    });
  }
  touched.sort((a, b) => total[b]! - total[a]!);
  const hits = touched.slice(0, limit).map((doc): ArticleHit => {
    const terms = new Set<string>();
    const titleTerms = new Set<string>();
    for (let entry = first[doc]!; entry >= 0; entry = next[entry]!) {
      const term = derived[matchTerm[entry]!]!.term;
      terms.add(term);
      if (matchField[entry] === titleField) titleTerms.add(term);
    }
    return {
      id: state.docs[doc]!.path,
      score: total[doc]!,
      queryTerms: tokens.filter((_, i) => has(anywhere, doc, i)),
      summaryTerms: tokens.filter((_, i) => has(inSummary, doc, i)),
      terms: [...terms],
      titleTerms,
    };
  });
  return { hits, holders };
}

interface DerivedTerm {
  /** Its number in the list, for the match chains. */
  index: number;
  term: string;
  /** Its number in the postings. */
  id: number;
  /** The question word it is, or was derived from, by its number in the tokens. */
  source: number;
  weight: number;
}

/**
 * Each question word's index terms: itself, the longer terms it begins when it is a Latin word, its
 * synonyms, and terms a typo away when it is in `fuzzy`, weighted as MiniSearch weighs them. A term
 * reached more than one way counts once, by the first of these: MiniSearch scores a term that is
 * both a prefix match and a typo away as a prefix match, and agents, a synonym of agent, is already
 * its prefix match.
 */
function derivedTerms(state: ArticleIndex, tokens: readonly string[], fuzzy: ReadonlySet<string>): DerivedTerm[] {
  const { postings } = state;
  const terms: DerivedTerm[] = [];
  tokens.forEach((token, source) => {
    const weights = new Map<number, number>();
    const reach = (id: number | undefined, weight: number) => {
      if (id !== undefined && !weights.has(id)) weights.set(id, weight);
    };
    reach(postings.id(token), 1);
    if (byPrefix(token)) {
      for (const id of postings.longer(token)) {
        const length = postings.term(id).length;
        reach(id, (PREFIX_WEIGHT * length) / (length + 0.3 * (length - token.length)));
      }
    }
    // A synonym in the summaries of many articles says little about which one answers, and its
    // postings are the longest to scan: on a 10× vault they made /ask p99 a third slower.
    for (const synonym of state.synonyms.get(token) ?? []) {
      if (!heldByMany(state, synonym, COMMON_SHARE)) reach(postings.id(synonym), SYNONYM_WEIGHT);
    }
    if (fuzzy.has(token)) {
      const maxDistance = Math.min(MAX_FUZZY, Math.round(token.length * FUZZY));
      for (const [id, distance] of maxDistance > 0 ? postings.near(token, maxDistance) : []) {
        const length = postings.term(id).length;
        reach(id, (FUZZY_WEIGHT * length) / (length + distance));
      }
    }
    for (const [id, weight] of weights) terms.push({ index: terms.length, term: postings.term(id), id, source, weight });
  });
  return terms;
}
