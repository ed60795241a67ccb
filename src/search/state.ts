import type MiniSearch from 'minisearch';
import type { DocRecord } from '../digest/types.js';
import type { BulletScorer, BulletStore } from './bullets.js';
import type { CharacterIndex } from './characters.js';
import type { TitleEntry } from './indexes.js';
import type { Postings } from './postings.js';
import type { Phrases } from './tokenize.js';
import type { Topic } from './topics.js';
import type { Vocabulary } from './vocabulary.js';

/** Everything the answers read: built once, then only queried. */
export interface SearchState {
  /** Sorted by path; MiniSearch ids are these paths. */
  docs: DocRecord[];
  /** Position of each path in docs. */
  positions: Map<string, number>;
  /** Short stable id per doc, same order as docs. */
  ids: string[];
  /** titleKey of each doc's title, same order as docs. */
  titleKeys: string[];
  /** Positions of every document but topic pages, newest first. */
  newest: number[];
  /** Every document's fields by position in docs, for /ask. */
  postings: Postings;
  /** 1 at the position of each topic page, which /ask and /summary leave out. */
  isTopic: Uint8Array;
  titleIndex: MiniSearch<TitleEntry>;
  bullets: BulletStore;
  bulletScorer: BulletScorer;
  characters: CharacterIndex;
  topics: Topic[];
  /** Kept to tell, on the next start, whether the vault's vocabulary changed. */
  vocabulary: Vocabulary;
  phrases: Phrases;
  /** Words the vault states for one another: glosses (提示词, prompt) and topic aliases (rag, 检索增强生成); see `glossSynonyms`, `topicSynonyms`. */
  synonyms: ReadonlyMap<string, readonly string[]>;
}

export const isLatin = (term: string) => /^[a-z0-9]/.test(term);

/** The record behind a MiniSearch id (a vault path). */
export function docOf(state: SearchState, id: unknown): DocRecord {
  return state.docs[state.positions.get(id as string)!]!;
}
