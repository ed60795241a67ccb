import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openEngine, type Engine } from '../../src/search/engine.js';
import { hostileQueries } from '../fixtures/hostile.js';
import { cleanupTemp, copyVault } from '../helpers/vault.js';

/**
 * The hostile corpus (tests/fixtures/hostile.ts) straight into the engine, as the terminal mode
 * sends it, with no length cap in front: every method answers, with results from the index only
 * and within the sizes it promises.
 */

const QUERIES = hostileQueries();

let engine: Engine;
let paths: Set<string>;
beforeAll(async () => {
  engine = await openEngine({ dir: copyVault({ byteFixtures: true }), persist: false });
  paths = new Set(engine.docs.map((d) => d.path));
});
afterAll(cleanupTemp);

const codePoints = (text: string) => Array.from(text).length;

describe('every hostile input', () => {
  test('ask answers a page of at most the limit, from the index', () => {
    for (const q of QUERIES) {
      const answer = engine.ask(q, { limit: 5 });
      expect(answer.results.length, q).toBeLessThanOrEqual(5);
      expect(answer.total, q).toBeGreaterThanOrEqual(answer.results.length);
      for (const hit of answer.results) expect(paths.has(hit.path), q).toBe(true);
      if (answer.results.length === 0) expect(answer.nearestTopics.length, q).toBeLessThanOrEqual(5);
    }
  });

  test('topic resolves to a topic of the index with at most a page of its articles, or suggests at most five', () => {
    const pages = engine.docs.filter((d) => d.kind === 'topic').map((d) => d.path.split('/').pop()!.replace(/\.md$/i, ''));
    const names = new Set([...pages, ...engine.docs.flatMap((d) => d.topics)]);
    for (const q of QUERIES) {
      const answer = engine.topic(q);
      if (answer.topic === null) {
        expect(answer.results, q).toEqual([]);
        expect(answer.suggestions.length, q).toBeLessThanOrEqual(5);
      } else {
        expect(names.has(answer.topic), q).toBe(true);
        expect(answer.results.length, q).toBeLessThanOrEqual(10);
        for (const article of answer.results) expect(paths.has(article.path), q).toBe(true);
      }
    }
  });

  test('summary finds at most the limit, from the index', () => {
    for (const q of QUERIES) {
      const { results } = engine.summary(q, { limit: 6 });
      expect(results.length, q).toBeLessThanOrEqual(6);
      for (const hit of results) expect(paths.has(hit.path), q).toBe(true);
    }
  });

  test('autocomplete suggests at most 25 titles or topics of at most 100 characters', () => {
    for (const q of QUERIES) {
      for (const kind of ['title', 'topic'] as const) {
        const suggestions = engine.autocomplete(kind, q);
        expect(suggestions.length, q).toBeLessThanOrEqual(25);
        for (const s of suggestions) expect(Math.max(codePoints(s.name), codePoints(s.value)), q).toBeLessThanOrEqual(100);
      }
    }
  });
});
