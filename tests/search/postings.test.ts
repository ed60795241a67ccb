import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELDS, Postings, PostingsBuilder, type FieldTokens, type SavedPostings } from '../../src/search/postings.js';

const WORDS = ['模型', '芯片', 'agent', 'agents', 'agentic', 'agent-browser', 'github', 'gihtub', 'star'];
const doc = fc.array(fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }), { minLength: FIELDS.length, maxLength: FIELDS.length });

/** The term's postings in one field, as [document, count]. */
/** The saved arrays one byte into larger buffers, as they may sit in a file read. */
function misaligned(saved: SavedPostings): SavedPostings {
  const shifted = (bytes: Uint8Array) => {
    const copy = new Uint8Array(bytes.byteLength + 1);
    copy.set(bytes, 1);
    return copy.subarray(1);
  };
  return { ...saved, arrays: saved.arrays.map(shifted) };
}

function postingsOf(postings: Postings, term: string, field: number): [number, number][] {
  const id = postings.id(term);
  if (id === undefined) return [];
  const found: [number, number][] = [];
  for (let p = postings.start(id, field); p < postings.end(id, field); p++) found.push([postings.documents[p]!, postings.counts[p]!]);
  return found;
}

/** Every posting as `term field document count`, and every field length, to compare two indexes whole. */
function contents(postings: Postings, terms: readonly string[]): string[] {
  const lines: string[] = [];
  for (const term of terms) {
    for (let f = 0; f < FIELDS.length; f++) for (const [doc, count] of postingsOf(postings, term, f)) lines.push(`${term} ${f} ${doc} ${count}`);
  }
  for (let d = 0; d < postings.documentCount; d++) for (let f = 0; f < FIELDS.length; f++) lines.push(`length ${d} ${f} ${postings.length(d, f)}`);
  return lines.sort();
}

describe('Postings', () => {
  const built = Postings.build([
    [['芯片', '芯片', '模型'], [], [], [], [], ['agents']],
    [[], ['芯片'], [], [], [], ['agent', 'agentic']],
  ]);

  it('counts each term per document and field, and each field’s distinct terms', () => {
    expect(postingsOf(built, '芯片', 0)).toEqual([[0, 2]]);
    expect(postingsOf(built, '芯片', 1)).toEqual([[1, 1]]);
    expect(postingsOf(built, 'agents', 5)).toEqual([[0, 1]]);
    expect(built.length(0, 0)).toBe(2);
    expect(built.length(1, 5)).toBe(2);
    expect(built.averageLengths[0]).toBe(1);
    expect(built.id('不在')).toBeUndefined();
  });

  it('finds the longer terms a prefix begins, and terms a typo away', () => {
    expect(built.longer('agent').map((id) => built.term(id))).toEqual(['agentic', 'agents']);
    expect(built.longer('agents')).toEqual([]);
    expect(built.near('agnet', 2).map(([id, distance]) => [built.term(id), distance])).toEqual([['agent', 2]]);
    expect(built.near('agentx', 1).map(([id, distance]) => [built.term(id), distance])).toEqual([['agent', 1], ['agents', 1]]);
  });

  it('loads from its saved form with the same postings', () => {
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 12 }), (docs) => {
        const postings = Postings.build(docs as FieldTokens[]);
        const loaded = Postings.load(misaligned(postings.save()));
        expect(contents(loaded, WORDS)).toEqual(contents(postings, WORDS));
        expect([...loaded.averageLengths]).toEqual([...postings.averageLengths]);
      }),
    );
  });

  it('updated by removing, renumbering and adding documents, equals the index built from the new documents', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(doc, fc.boolean()), { maxLength: 12 }), fc.array(doc, { maxLength: 4 }), (old, fresh) => {
        // Kept documents keep their order; fresh ones go first, as new files may sort anywhere.
        const kept = old.filter(([, keep]) => keep).map(([fields]) => fields as FieldTokens);
        const next = [...(fresh as FieldTokens[]), ...kept];
        let k = fresh.length;
        const renumber = Int32Array.from(old, ([, keep]) => (keep ? k++ : -1));
        const updated = Postings.build(old.map(([fields]) => fields as FieldTokens)).update(renumber, next.length, new Map(fresh.map((fields, i) => [i, fields as FieldTokens])));
        expect(contents(updated, WORDS)).toEqual(contents(Postings.build(next), WORDS));
        expect(updated.save()).toEqual(Postings.build(next).save());
      }),
    );
  });

  it('lays out the same index, each list in document order, whatever order documents arrive in', () => {
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 12 }).chain((docs) => fc.tuple(fc.constant(docs), fc.shuffledSubarray([...docs.keys()], { minLength: docs.length }))), ([docs, order]) => {
        const builder = new PostingsBuilder(docs.length);
        for (const d of order) builder.add(d, docs[d] as FieldTokens);
        const postings = builder.finish();
        expect(postings.save()).toEqual(Postings.build(docs as FieldTokens[]).save());
        for (const word of WORDS) {
          for (let f = 0; f < FIELDS.length; f++) {
            const list = postingsOf(postings, word, f).map(([d]) => d);
            expect(list).toEqual([...list].sort((a, b) => a - b));
          }
        }
      }),
    );
  });
});
