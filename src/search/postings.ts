import type MiniSearch from 'minisearch';
import type { DocEntry } from './indexes.js';

/** One index term's postings: per field id, each document's short id to the term's count there. */
export type TermPostings = Map<number, Map<number, number>>;

/**
 * The parts of MiniSearch 7's index that `Postings` reads. Its types keep them private; their shape
 * is the one its own `toJSON` and `loadJS` write and read, and `tests/search/postings.test.ts`
 * checks scores read through them against MiniSearch's own search.
 */
interface MiniSearchInternals {
  _index: {
    get(term: string): TermPostings | undefined;
    atPrefix(prefix: string): Iterable<[string, TermPostings]>;
    fuzzyGet(term: string, maxDistance: number): Map<string, [TermPostings, number]>;
  };
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentIds: Map<number, string>;
  _documentCount: number;
  _nextId: number;
}

/**
 * MiniSearch's inverted index, read in place for `/ask`, which scores many postings per question:
 * MiniSearch's own search builds an object per matching document, term and field, and collecting
 * them was a third of a long question's time. Read only, and only while the index is not changed
 * (the engine builds a new one for every update).
 */
export class Postings {
  readonly documentCount: number;
  /** Every short id is below this. */
  readonly size: number;
  readonly fieldIds: Readonly<Record<string, number>>;
  readonly averageLengths: readonly number[];
  /**
   * Position in the engine's documents of each short id; -1 for ids no longer in the index and for
   * documents `positionOf` leaves out.
   */
  readonly positions: Int32Array;
  private readonly lengths: Uint32Array;
  private readonly fieldCount: number;
  private readonly index: MiniSearchInternals['_index'];
  /** Terms looked up before: MiniSearch's tree scans a node's keys one by one, thousands at its root. */
  private readonly found = new Map<string, TermPostings>();

  constructor(miniSearch: MiniSearch<DocEntry>, positionOf: (path: string) => number | undefined) {
    const internals = miniSearch as unknown as MiniSearchInternals;
    if (!internals._index || !internals._fieldLength || !internals._documentIds || typeof internals._nextId !== 'number') {
      throw new Error('minisearch: the installed version keeps its index in another shape than MiniSearch 7; postings.ts must follow it');
    }
    this.index = internals._index;
    this.documentCount = internals._documentCount;
    this.size = internals._nextId;
    this.fieldIds = internals._fieldIds;
    this.averageLengths = internals._avgFieldLength;
    this.fieldCount = Object.keys(internals._fieldIds).length;
    this.positions = new Int32Array(this.size).fill(-1);
    this.lengths = new Uint32Array(this.size * this.fieldCount);
    for (const [shortId, path] of internals._documentIds) {
      this.positions[shortId] = positionOf(path) ?? -1;
      const lengths = internals._fieldLength.get(shortId) ?? [];
      for (let field = 0; field < this.fieldCount; field++) this.lengths[shortId * this.fieldCount + field] = lengths[field] ?? 0;
    }
  }

  get(term: string): TermPostings | undefined {
    let postings = this.found.get(term);
    if (!postings) {
      postings = this.index.get(term);
      if (postings) this.found.set(term, postings);
    }
    return postings;
  }

  /** The index's terms that begin with `prefix`, itself included. */
  withPrefix(prefix: string): Iterable<[string, TermPostings]> {
    return this.index.atPrefix(prefix);
  }

  /** The index's terms within `maxDistance` edits of `term`, with their distance. */
  near(term: string, maxDistance: number): Map<string, [TermPostings, number]> {
    return this.index.fuzzyGet(term, maxDistance);
  }

  /** How many terms the document's field holds. */
  length(shortId: number, field: number): number {
    return this.lengths[shortId * this.fieldCount + field]!;
  }
}
