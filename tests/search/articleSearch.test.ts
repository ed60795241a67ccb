import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMON_SHARE, FIELD_BOOST, FUZZY, SUMMARY_FIELDS, byPrefix, searchArticles, termBoost, type ArticleIndex } from '../../src/search/articleSearch.js';
import { bulletScorer, emptyStore, putBullets, termIds } from '../../src/search/bullets.js';
import MiniSearch from 'minisearch';
import { tokenQuery } from '../../src/search/indexes.js';
import { FIELDS, fieldTokens, Postings } from '../../src/search/postings.js';
import type { PreparedDoc } from '../../src/search/prepare.js';
import { docRecord } from '../helpers/records.js';

const WORDS = ['模型', '芯片', '英伟达', '推理', '服务', '服务器', '训练', '数据', 'agent', 'agents', 'agentic', 'github', 'github.com/x', 'star', 'stars', 'openai'];

type Fields = Omit<PreparedDoc, 'keyPoints' | 'risks'> & { keyPoints: string[][] };

/**
 * A vault of prepared documents indexed as the engine indexes them, and in MiniSearch as the engine
 * once did, to compare with; `00-元语/` paths are topic pages.
 */
function index(docs: Record<string, Partial<Fields>>) {
  const miniSearch = new MiniSearch<Record<string, string>>({ fields: [...FIELDS], tokenize: (text) => (text ? text.split('\n') : []), processTerm: (term) => term });
  const bullets = emptyStore();
  const ids = termIds(bullets);
  const records = Object.keys(docs).map((path) => docRecord(path));
  const fields = Object.entries(docs).map(([path, given]) => {
    const prepared: PreparedDoc = { title: [], oneLine: [], keyPoints: [], risks: [], topics: [], meta: [], body: [], ...given };
    const tokens = fieldTokens(prepared);
    miniSearch.add({ id: path, ...Object.fromEntries(FIELDS.map((field, f) => [field, tokens[f]!.join('\n')])) });
    putBullets(bullets, ids, path, prepared);
    return tokens;
  });
  const isTopic = Uint8Array.from(records, (r) => (r.kind === 'topic' ? 1 : 0));
  const state: ArticleIndex = { postings: Postings.build(fields), bulletScorer: bulletScorer(bullets), docs: records, isTopic, synonyms: new Map() };
  return { state, miniSearch };
}

/** The same search through MiniSearch's own `search`: its rare words in summary and body, then its common words where those found. */
function reference({ state, miniSearch }: ReturnType<typeof index>, tokens: string[], fuzzy: Set<string>): Map<string, number> {
  const scores = new Map<string, number>();
  const search = (terms: string[], fields: readonly string[], only?: Set<string>) => {
    const { query, options } = tokenQuery(terms);
    for (const hit of miniSearch.search(query, {
      ...options,
      combineWith: 'OR',
      prefix: byPrefix,
      fuzzy: (term) => (fuzzy.has(term) ? FUZZY : false),
      boostTerm: termBoost,
      boost: FIELD_BOOST,
      fields: [...fields],
      filter: (hit) => !(hit.id as string).startsWith('00-'),
      ...(only ? { boostDocument: (id: unknown) => (only.has(id as string) ? 1 : 0) } : {}),
    })) {
      scores.set(hit.id as string, (scores.get(hit.id as string) ?? 0) + hit.score);
    }
  };
  const common = tokens.filter((t) => state.bulletScorer.documents(t) > state.docs.length * COMMON_SHARE);
  const rare = tokens.filter((t) => !common.includes(t));
  if (rare.length === 0) search(common, SUMMARY_FIELDS);
  else {
    search(rare, SUMMARY_FIELDS);
    search(rare, ['body']);
    if (common.length > 0) search(common, SUMMARY_FIELDS, new Set(scores.keys()));
  }
  return scores;
}

const words = fc.subarray(WORDS, { maxLength: 5 });
const doc = fc.record({ title: words, oneLine: words, keyPoints: fc.array(words, { maxLength: 3 }), topics: words, meta: words, body: words });

describe('searchArticles', () => {
  it('scores every article as MiniSearch’s search over the same fields and parts of the question does', () => {
    fc.assert(
      fc.property(
        fc.array(doc, { minLength: 1, maxLength: 25 }),
        fc.subarray([...WORDS, '不在索引', 'agnet', 'githbu'], { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (docs, tokens, typos) => {
          const vault = index(Object.fromEntries(docs.map((d, i) => [i === 0 ? '00-元语/话题.md' : `a${i}.md`, d])));
          const fuzzy = new Set(typos ? tokens.filter((t) => byPrefix(t)) : []);
          const expected = reference(vault, tokens, fuzzy);
          const { hits } = searchArticles(vault.state, tokens, 1000, { fuzzy });
          expect(new Set(hits.map((h) => h.id))).toEqual(new Set(expected.keys()));
          for (const hit of hits) expect(hit.score).toBeCloseTo(expected.get(hit.id)!, 9);
          expect(hits.map((h) => h.score)).toEqual(hits.map((h) => h.score).sort((a, b) => b - a));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('tells which question words an article holds in its summary, in its body, and which terms it matched in its title', () => {
    // Ten more articles keep every word rare: common words are looked up in summaries only.
    const fillers = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`filler${i}.md`, { oneLine: ['数据'] }]));
    const { state } = index({
      'a.md': { title: ['agents', '芯片'], body: ['推理'] },
      'b.md': { oneLine: ['推理'] },
      ...fillers,
    });
    const { hits, holders } = searchArticles(state, ['agent', '芯片', '推理'], 10);
    const a = hits.find((h) => h.id === 'a.md')!;
    expect(a.queryTerms.sort()).toEqual(['agent', '推理', '芯片']);
    expect(a.summaryTerms.sort()).toEqual(['agent', '芯片']);
    expect(a.terms.sort()).toEqual(['agents', '推理', '芯片']);
    expect([...a.titleTerms].sort()).toEqual(['agents', '芯片']);
    expect(holders).toEqual(new Map([['agent', 1], ['芯片', 1], ['推理', 2]]));
  });

  it('finds articles, or with `topics` only topic pages', () => {
    const { state } = index({ '00-元语/芯片.md': { title: ['芯片'] }, 'a.md': { body: ['芯片'] } });
    expect(searchArticles(state, ['芯片'], 10).hits.map((h) => h.id)).toEqual(['a.md']);
    expect(searchArticles(state, ['芯片'], 10, { topics: true }).hits.map((h) => h.id)).toEqual(['00-元语/芯片.md']);
  });

  it('counts a synonym the question word already reaches by prefix once, as its prefix match', () => {
    const { state } = index({ 'a.md': { title: ['agents'] }, 'b.md': { title: ['agent'] } });
    const scores = (synonyms: ArticleIndex['synonyms']) => searchArticles({ ...state, synonyms }, ['agent'], 10).hits.map((h) => [h.id, h.score]);
    expect(scores(new Map([['agent', ['agents']]]))).toEqual(scores(new Map()));
  });

  it('does not search a synonym the summaries of more than a common share of articles hold, when they are many', () => {
    const docs: Record<string, Partial<Fields>> = { 'rare.md': { title: ['晶片'] } };
    for (let i = 0; i < 30; i++) docs[`${i}.md`] = { oneLine: ['公司'] };
    const { state } = index(docs);
    const synonyms = new Map([['芯片', ['晶片', '公司']]]);
    expect(searchArticles({ ...state, synonyms }, ['芯片'], 50).hits.map((h) => h.id)).toEqual(['rare.md']);
  });

  it('keeps only the best articles, best first', () => {
    const { state } = index({ 'a.md': { body: ['芯片'] }, 'b.md': { title: ['芯片'] }, 'c.md': { oneLine: ['芯片'] } });
    expect(searchArticles(state, ['芯片'], 2).hits.map((h) => h.id)).toEqual(['b.md', 'c.md']);
  });
});
