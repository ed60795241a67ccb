import type { PreparedDoc } from './prepare.js';

/**
 * Summary bullets as term-id lists, scored with BM25 one bullet at a time. Bullets are only ever
 * scored for documents the main index already found, so they need no inverted index of their
 * own: plain arrays build in milliseconds and load as fast as JSON parses.
 */
export interface BulletStore {
  /** Term of each id. */
  terms: string[];
  /** Per document path: bullet 0 is the one-sentence summary, then key points, then risks. */
  bullets: Record<string, number[][]>;
}

export interface BulletScores {
  /** BM25 of each bullet against all bullets of the vault: how well it answers, for ranking documents. */
  global: number[];
  /**
   * The same, with each term also weighted by how few of this document's bullets hold it: the
   * article's own subject (in every bullet) says little about which bullet states the asked fact.
   */
  local: number[];
}

export interface BulletScorer {
  /** Scores of each bullet of `path` for the given weighted query terms; 0 where none matches. */
  score(path: string, queryTerms: ReadonlyMap<string, number>): BulletScores;
}

export function emptyStore(): BulletStore {
  return { terms: [], bullets: {} };
}

/** Adds (or replaces) one document's bullets; term ids are appended, never renumbered. */
export function putBullets(store: BulletStore, ids: Map<string, number>, path: string, prepared: PreparedDoc): void {
  const idOf = (term: string) => {
    let id = ids.get(term);
    if (id === undefined) {
      id = store.terms.length;
      store.terms.push(term);
      ids.set(term, id);
    }
    return id;
  };
  store.bullets[path] = [prepared.oneLine, ...prepared.keyPoints, ...prepared.risks].map((tokens) => tokens.map(idOf));
}

export function removeBullets(store: BulletStore, path: string): void {
  delete store.bullets[path];
}

export function termIds(store: BulletStore): Map<string, number> {
  return new Map(store.terms.map((term, id) => [term, id]));
}

const K1 = 1.2;
const B = 0.75;

export function bulletScorer(store: BulletStore): BulletScorer {
  const df = new Map<number, number>();
  let count = 0;
  let length = 0;
  for (const bullets of Object.values(store.bullets)) {
    for (const bullet of bullets) {
      count++;
      length += bullet.length;
      for (const id of new Set(bullet)) df.set(id, (df.get(id) ?? 0) + 1);
    }
  }
  const avgLength = count ? length / count : 1;
  const ids = termIds(store);
  return {
    score(path, queryTerms) {
      const weighted = new Map<number, number>();
      for (const [term, weight] of queryTerms) {
        const id = ids.get(term);
        if (id === undefined) continue;
        const n = df.get(id) ?? 0;
        weighted.set(id, weight * Math.log(1 + (count - n + 0.5) / (n + 0.5)));
      }
      const bullets = store.bullets[path] ?? [];
      const perTerm = bullets.map((bullet) => {
        const scores = new Map<number, number>();
        for (const [id, idf] of weighted) {
          let tf = 0;
          for (const t of bullet) if (t === id) tf++;
          if (tf) scores.set(id, (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * bullet.length) / avgLength)));
        }
        return scores;
      });
      const holders = new Map<number, number>();
      for (const scores of perTerm) for (const id of scores.keys()) holders.set(id, (holders.get(id) ?? 0) + 1);
      const spread = Math.log(bullets.length + 1);
      const sum = (scores: Map<number, number>, local: boolean) => {
        let total = 0;
        for (const [id, score] of scores) total += local ? (score * Math.log((bullets.length + 1) / holders.get(id)!)) / spread : score;
        return total;
      };
      return { global: perTerm.map((scores) => sum(scores, false)), local: perTerm.map((scores) => sum(scores, true)) };
    },
  };
}
