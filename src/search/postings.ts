import type { PreparedDoc } from './prepare.js';

/**
 * The inverted index `/ask` searches: per term and field, the documents holding the term and how
 * often, in flat typed arrays. MiniSearch held this before, and cost the most of every step: its
 * radix tree scans a node's keys one by one (thousands at the root, one per first Han character)
 * on every insert and lookup, which made inserting the vault's terms six seconds of a cold build;
 * loading its saved form built 93,000 maps (a second of a warm start); its search built an object
 * per matching document, term and field. Here a build is a map lookup per token, the saved form
 * is the arrays themselves, and a search adds scores into arrays. MiniSearch indexes the titles again
 * from here (indexes.ts), where its AND, prefix and typo search serve /summary and autocomplete.
 */

/** The fields of a document, each boosted on its own by the search. */
export const FIELDS = ['title', 'oneLine', 'bullets', 'topics', 'meta', 'body'] as const;
export type Field = (typeof FIELDS)[number];
const FIELD_COUNT = FIELDS.length;

/** A document's tokens per field, in the order of FIELDS. */
export type FieldTokens = readonly (readonly string[])[];

export function fieldTokens(prepared: PreparedDoc): FieldTokens {
  const bullets = [...new Set([...prepared.keyPoints, ...prepared.risks].flat())];
  return [prepared.title, prepared.oneLine, bullets, prepared.topics, prepared.meta, prepared.body];
}

/** Postings in the saved index: the arrays as raw bytes, which persist.ts stores outside the JSON. */
export interface SavedPostings {
  documentCount: number;
  terms: string[];
  /** offsets, documents, counts and lengths, in that order. */
  arrays: Uint8Array[];
}

export class Postings {
  /** Each term's number: its place in `terms`, which is sorted so a prefix is a range. */
  private readonly ids: Map<string, number>;
  readonly averageLengths: Float64Array;

  constructor(
    readonly documentCount: number,
    private readonly terms: readonly string[],
    /** Postings of term t in field f are at offsets[t * FIELD_COUNT + f] up to the next offset. */
    private readonly offsets: Uint32Array,
    /** Document number (its position in the engine's documents) of each posting. */
    readonly documents: Uint32Array,
    /** How often the term occurs in that document's field, at most 65,535. */
    readonly counts: Uint16Array,
    /** Per document and field: how many distinct terms the field holds. */
    private readonly lengths: Uint32Array,
  ) {
    this.ids = new Map(terms.map((term, id) => [term, id]));
    this.averageLengths = new Float64Array(FIELD_COUNT);
    for (let doc = 0; doc < documentCount; doc++) for (let f = 0; f < FIELD_COUNT; f++) this.averageLengths[f]! += lengths[doc * FIELD_COUNT + f]!;
    for (let f = 0; f < FIELD_COUNT; f++) this.averageLengths[f] = documentCount ? this.averageLengths[f]! / documentCount : 0;
  }

  /** Postings of documents numbered 0, 1, 2 … in the order given. */
  static build(documents: readonly FieldTokens[]): Postings {
    const builder = new PostingsBuilder(documents.length);
    documents.forEach((fields, doc) => builder.add(doc, fields));
    return builder.finish();
  }

  static load(saved: SavedPostings): Postings {
    // Copies, aligned for the typed arrays: the bytes may sit at any offset of the file read.
    const [offsets, documents, counts, lengths] = saved.arrays.map((bytes) => bytes.slice().buffer);
    if (!offsets || !documents || !counts || !lengths) throw new Error(`postings: ${saved.arrays.length} saved arrays, expected 4`);
    return new Postings(saved.documentCount, saved.terms, new Uint32Array(offsets), new Uint32Array(documents), new Uint16Array(counts), new Uint32Array(lengths));
  }

  save(): SavedPostings {
    return {
      documentCount: this.documentCount,
      terms: [...this.terms],
      arrays: [this.offsets, this.documents, this.counts, this.lengths].map((array) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength)),
    };
  }

  /**
   * The same postings for the next version of the vault: document `old` becomes `renumber[old]`,
   * or is dropped where that is -1, and `added` documents are indexed under their new numbers.
   */
  update(renumber: Int32Array, documentCount: number, added: ReadonlyMap<number, FieldTokens>): Postings {
    const builder = new PostingsBuilder(documentCount);
    for (let old = 0; old < this.documentCount; old++) {
      const doc = renumber[old]!;
      if (doc >= 0) for (let f = 0; f < FIELD_COUNT; f++) builder.setLength(doc, f, this.lengths[old * FIELD_COUNT + f]!);
    }
    this.terms.forEach((term, t) => {
      for (let f = 0; f < FIELD_COUNT; f++) {
        for (let p = this.offsets[t * FIELD_COUNT + f]!; p < this.offsets[t * FIELD_COUNT + f + 1]!; p++) {
          const doc = renumber[this.documents[p]!]!;
          if (doc >= 0) builder.posting(term, f, doc, this.counts[p]!);
        }
      }
    });
    for (const [doc, fields] of added) builder.add(doc, fields);
    return builder.finish();
  }

  /** The term's number, or undefined when no document holds it. */
  id(term: string): number | undefined {
    return this.ids.get(term);
  }

  term(id: number): string {
    return this.terms[id]!;
  }

  get termCount(): number {
    return this.terms.length;
  }

  /** Where the postings of term `id` in field `field` start and end in `documents` and `counts`. */
  start(id: number, field: number): number {
    return this.offsets[id * FIELD_COUNT + field]!;
  }

  end(id: number, field: number): number {
    return this.offsets[id * FIELD_COUNT + field + 1]!;
  }

  /** How many distinct terms the document's field holds. */
  length(doc: number, field: number): number {
    return this.lengths[doc * FIELD_COUNT + field]!;
  }

  /** Numbers of the terms that begin with `prefix` and are longer. */
  longer(prefix: string): number[] {
    let low = 0;
    let high = this.terms.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.terms[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    const ids: number[] = [];
    for (let id = low; id < this.terms.length && this.terms[id]!.startsWith(prefix); id++) if (this.terms[id] !== prefix) ids.push(id);
    return ids;
  }

  /**
   * Numbers of the terms within `maxDistance` edits of `term`, other than itself, with their
   * distance. A scan of every term: typo tolerance serves only words that matched nothing as typed.
   */
  near(term: string, maxDistance: number): [number, number][] {
    const found: [number, number][] = [];
    this.terms.forEach((candidate, id) => {
      if (Math.abs(candidate.length - term.length) > maxDistance || candidate === term) return;
      const distance = editDistance(term, candidate, maxDistance);
      if (distance <= maxDistance) found.push([id, distance]);
    });
    return found;
  }
}

/** Levenshtein distance, or more than `max` as soon as it must be. */
function editDistance(a: string, b: string, max: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Collects postings as they come, then lays them out flat. A cold build adds each document as a
 * worker hands it over, in any order; laying out sorts each list by document, so the same vault
 * always gives the same index.
 */
export class PostingsBuilder {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly lengths: Uint32Array;
  /** Each posting as it came: its term and field (term * FIELD_COUNT + field), document and count. */
  private keys = new Uint32Array(1 << 16);
  private docs = new Uint32Array(1 << 16);
  private counts = new Uint16Array(1 << 16);
  private size = 0;

  constructor(private readonly documentCount: number) {
    this.lengths = new Uint32Array(documentCount * FIELD_COUNT);
  }

  add(doc: number, fields: FieldTokens): void {
    const counts = new Map<string, number>();
    for (let f = 0; f < fields.length; f++) {
      counts.clear();
      for (const token of fields[f]!) counts.set(token, (counts.get(token) ?? 0) + 1);
      this.setLength(doc, f, counts.size);
      for (const [term, count] of counts) this.posting(term, f, doc, count);
    }
  }

  setLength(doc: number, field: number, length: number): void {
    this.lengths[doc * FIELD_COUNT + field] = length;
  }

  posting(term: string, field: number, doc: number, count: number): void {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.push(term) - 1;
      this.ids.set(term, id);
    }
    if (this.size === this.keys.length) this.grow();
    this.keys[this.size] = id * FIELD_COUNT + field;
    this.docs[this.size] = doc;
    this.counts[this.size++] = Math.min(count, 0xffff);
  }

  private grow(): void {
    this.keys = doubled(this.keys);
    this.docs = doubled(this.docs);
    this.counts = doubled(this.counts);
  }

  finish(): Postings {
    const order = this.terms.map((_, id) => id).sort((a, b) => (this.terms[a]! < this.terms[b]! ? -1 : 1));
    const rank = new Uint32Array(order.length);
    order.forEach((id, r) => (rank[id] = r));
    // Each posting's list in the laid-out order: sorted term, then field.
    const lists = new Uint32Array(this.size);
    for (let i = 0; i < this.size; i++) {
      const key = this.keys[i]!;
      lists[i] = rank[(key / FIELD_COUNT) | 0]! * FIELD_COUNT + (key % FIELD_COUNT);
    }
    // Two counting sorts: by document, then, keeping that order, by list.
    const offsets = new Uint32Array(order.length * FIELD_COUNT + 1);
    for (let i = 0; i < this.size; i++) offsets[lists[i]! + 1]!++;
    for (let l = 1; l < offsets.length; l++) offsets[l]! += offsets[l - 1]!;
    const next = offsets.slice(0, -1);
    const documents = new Uint32Array(this.size);
    const counts = new Uint16Array(this.size);
    for (const i of byDocument(this.docs.subarray(0, this.size), this.documentCount)) {
      const p = next[lists[i]!]!++;
      documents[p] = this.docs[i]!;
      counts[p] = this.counts[i]!;
    }
    return new Postings(this.documentCount, order.map((id) => this.terms[id]!), offsets, documents, counts, this.lengths);
  }
}

function doubled<T extends Uint32Array | Uint16Array>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** The indexes of `docs` (each below `range`) ordered by document, then by index. */
function byDocument(docs: Uint32Array, range: number): Uint32Array {
  const starts = new Uint32Array(range + 1);
  for (const doc of docs) starts[doc + 1]!++;
  for (let d = 1; d <= range; d++) starts[d]! += starts[d - 1]!;
  const sorted = new Uint32Array(docs.length);
  for (let i = 0; i < docs.length; i++) sorted[starts[docs[i]!]!++] = i;
  return sorted;
}
