import fc from 'fast-check';
import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { TITLE_INDEX_OPTIONS, titleIndexOf, tokenQuery } from '../../src/search/indexes.js';
import { Postings } from '../../src/search/postings.js';

// Few words, so titles share them, and Latin words that prefixes and typos reach.
const word = fc.constantFrom('英伟达', '芯片', '英', 'agent', 'agents', 'agentic', 'claude', 'code', 'codex', 'gpt-5', '5');
const titles = fc.array(fc.array(word, { maxLength: 6 }), { minLength: 1, maxLength: 12 });
/**
 * What a search gives, apart from the order of the terms each hit matched, which follows the order
 * MiniSearch's tree met them in; scores may differ in their last bits, summed in that order.
 */
const found = (hits: SearchResult[]) => hits.map((hit) => [hit.id, hit.score.toPrecision(12), [...hit.queryTerms].sort(), [...hit.terms].sort()]);
const attempts: SearchOptions[] = [
  { combineWith: 'AND' },
  { combineWith: 'AND', prefix: true },
  { combineWith: 'AND', fuzzy: 1, maxFuzzy: 1 },
  { combineWith: 'OR', prefix: true },
];

describe('titleIndexOf', () => {
  it('answers every search as an index of the same titles added one by one', () => {
    fc.assert(
      fc.property(titles, fc.array(word, { minLength: 1, maxLength: 3 }), (docs, query) => {
        const paths = docs.map((_, i) => `${i}.md`);
        const added = new MiniSearch(TITLE_INDEX_OPTIONS);
        added.addAll(docs.map((title, i) => ({ id: paths[i]!, title: title.join('\n') })));
        const derived = titleIndexOf(Postings.build(docs.map((title) => [title, [], [], [], [], []])), paths);
        const { query: q, options } = tokenQuery(query);
        for (const attempt of attempts) expect(found(derived.search(q, { ...options, ...attempt }))).toEqual(found(added.search(q, { ...options, ...attempt })));
        expect(derived.documentCount).toBe(added.documentCount);
      }),
      { numRuns: 300 },
    );
  });
});
