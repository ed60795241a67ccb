import { isHan } from './tokenize.js';

/**
 * Which dictionary words can occur in a body of text: those whose characters, character pairs and
 * character triples all occur in it. jieba only ever considers dictionary words that are
 * substrings of the text it cuts, so a dictionary cut down to the covered words segments that text
 * exactly as the full one does (see dictionary.ts), and loads in a fraction of the time.
 *
 * Pairs and triples are kept as bits of hashed tables: a collision can only let a word through
 * that does not occur, which costs a line of dictionary, never a word that does.
 */

const PAIR_BITS = 24;
const TRIPLE_BITS = 26;

const pairSlot = (a: number, b: number) => Math.imul((a << 16) | b, 0x9e3779b1) >>> (32 - PAIR_BITS);
const tripleSlot = (a: number, b: number, c: number) =>
  Math.imul(Math.imul(Math.imul(a, 0x85ebca6b) ^ b, 0xc2b2ae35) ^ c, 0x9e3779b1) >>> (32 - TRIPLE_BITS);

const setBit = (bits: Uint8Array, slot: number) => (bits[slot >>> 3]! |= 1 << (slot & 7));
const hasBit = (bits: Uint8Array, slot: number) => (bits[slot >>> 3]! & (1 << (slot & 7))) !== 0;

export class HanCoverage {
  private readonly chars = new Uint8Array(0x10000);
  private readonly pairs = new Uint8Array(1 << (PAIR_BITS - 3));
  private readonly triples = new Uint8Array(1 << (TRIPLE_BITS - 3));

  /** Adds the runs of Han characters in `text` (already normalised, as jieba will see it). */
  add(text: string): void {
    // A worker adds millions of characters: the tables are read into locals once.
    const { chars, pairs, triples } = this;
    let a = 0;
    let b = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (!isHan(c)) {
        a = b = 0;
        continue;
      }
      chars[c] = 1;
      if (b) setBit(pairs, pairSlot(b, c));
      if (a) setBit(triples, tripleSlot(a, b, c));
      a = b;
      b = c;
    }
  }

  /** Whether `text.slice(start, end)` may occur in the added text: false means it certainly does not. */
  covers(text: string, start = 0, end = text.length): boolean {
    if (start >= end) return false;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (!isHan(c) || !this.chars[c]) return false;
      if (i > start && !hasBit(this.pairs, pairSlot(text.charCodeAt(i - 1), c))) return false;
      if (i > start + 1 && !hasBit(this.triples, tripleSlot(text.charCodeAt(i - 2), text.charCodeAt(i - 1), c))) return false;
    }
    return true;
  }
}
