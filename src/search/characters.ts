import { isLatin } from './state.js';

/**
 * The Han words of the summaries by the characters they hold, to find a summary's words that share
 * characters with a question's word the summary lacks as a word.
 */
export interface CharacterIndex {
  /** Term ids (of the bullet store's terms) of the Han words holding each character. */
  holders: Map<string, number[]>;
  /** Length in characters of each term id's word; 0 for words left out. */
  lengths: number[];
}

export function characterIndex(terms: readonly string[]): CharacterIndex {
  const holders = new Map<string, number[]>();
  const lengths = terms.map((term, id) => {
    if (isLatin(term)) return 0;
    const chars = Array.from(term);
    for (const char of new Set(chars)) {
      const ids = holders.get(char);
      if (ids) ids.push(id);
      else holders.set(char, [id]);
    }
    return chars.length;
  });
  return { holders, lengths };
}

/** How near each summary word (by term id) comes to `word`: the characters they share over the longer one's length. */
export function nearWords(index: CharacterIndex, word: string): Map<number, number> {
  const chars = [...new Set(Array.from(word))];
  const shared = new Map<number, number>();
  for (const char of chars) for (const id of index.holders.get(char) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
  const length = Array.from(word).length;
  for (const [id, count] of shared) shared.set(id, count / Math.max(length, index.lengths[id]!));
  return shared;
}

/**
 * The summary terms near any of a question's Han words, by term id: which words each comes near, and
 * how near. An article's summary words are looked up here one by one, most of them near nothing, so
 * a byte per term id answers "nothing" before any map is asked.
 */
export class NearTerms {
  private readonly marked: Uint8Array;
  private readonly words = new Map<number, [string, number][]>();

  constructor(index: CharacterIndex, words: readonly string[]) {
    this.marked = new Uint8Array(index.lengths.length);
    for (const word of words) {
      if (isLatin(word)) continue;
      for (const [id, similarity] of nearWords(index, word)) {
        this.marked[id] = 1;
        const near = this.words.get(id);
        if (near) near.push([word, similarity]);
        else this.words.set(id, [[word, similarity]]);
      }
    }
  }

  of(id: number): readonly [string, number][] | undefined {
    return this.marked[id] ? this.words.get(id) : undefined;
  }
}
