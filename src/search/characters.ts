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
