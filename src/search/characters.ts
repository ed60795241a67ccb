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
  const chars = Array.from(word);
  const shared = new Map<number, number>();
  for (const char of new Set(chars)) for (const id of index.holders.get(char) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
  const length = chars.length;
  for (const [id, count] of shared) shared.set(id, count / Math.max(length, index.lengths[id]!));
  return shared;
}

/**
 * The summary terms near any of a question's Han words, by term id: which words each comes near, and
 * how near. An article's summary words are looked up here one by one, most of them near nothing, so
 * the entries of a term are a chain through flat arrays from a slot per term id (0: none): no map
 * to ask and nothing allocated per term.
 */
export class NearTerms {
  /** The question's Han words, in the order `each` numbers them. */
  readonly words: string[];
  private readonly first: Int32Array;
  private readonly next: number[] = [0];
  private readonly word: number[] = [0];
  private readonly similarity: number[] = [0];

  constructor(index: CharacterIndex, words: readonly string[]) {
    this.words = words.filter((word) => !isLatin(word));
    this.first = new Int32Array(index.lengths.length);
    this.words.forEach((word, w) => {
      for (const [id, similarity] of nearWords(index, word)) {
        this.next.push(this.first[id]!);
        this.word.push(w);
        this.similarity.push(similarity);
        this.first[id] = this.next.length - 1;
      }
    });
  }

  /** Calls `visit` with the number (in `words`) and nearness of each question word near term `id`. */
  each(id: number, visit: (word: number, similarity: number) => void): void {
    for (let entry = this.first[id]!; entry !== 0; entry = this.next[entry]!) visit(this.word[entry]!, this.similarity[entry]!);
  }
}
