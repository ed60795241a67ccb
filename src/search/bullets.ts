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
   * The weight is squared, so a word in half the bullets counts far less than one in a single bullet.
   */
  local: number[];
}

export interface BulletScorer {
  /**
   * Scores of each bullet of `path` for the given weighted query terms; 0 where none matches.
   * `subject`: the query terms in the article's title, which count less in `local`.
   * `families`: terms that are forms of one word (服务器, 服务; agent, agents) share a key here, and
   * a bullet earns only the best of them, so one word said at length does not count as several.
   */
  score(path: string, queryTerms: ReadonlyMap<string, number>, subject?: ReadonlySet<string>, families?: ReadonlyMap<string, string>): BulletScores;
  /** How many documents state the term in their summary (one-sentence summary or bullets). */
  documents(term: string): number;
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

/**
 * In choosing which bullet answers, a word of the article's title counts this much: it names what
 * the whole article is about (Kimi K2.5), so the question's other words tell which bullet states the
 * asked fact (稳定, 并发).
 */
const SUBJECT = 0.5;
const K1 = 1.2;
const B = 0.75;

export function bulletScorer(store: BulletStore): BulletScorer {
  // Bullets, and documents, holding each term id: counted by stamping each id with the last bullet
  // and document that counted it, since a set per bullet made this a fifth of a warm start.
  const df = new Uint32Array(store.terms.length);
  const docFrequency = new Uint32Array(store.terms.length);
  const lastBullet = new Int32Array(store.terms.length).fill(-1);
  const lastDocument = new Int32Array(store.terms.length).fill(-1);
  let count = 0;
  let length = 0;
  let documents = 0;
  for (const bullets of Object.values(store.bullets)) {
    for (const bullet of bullets) {
      for (const id of bullet) {
        if (lastBullet[id] !== count) {
          lastBullet[id] = count;
          df[id]!++;
        }
        if (lastDocument[id] !== documents) {
          lastDocument[id] = documents;
          docFrequency[id]!++;
        }
      }
      count++;
      length += bullet.length;
    }
    documents++;
  }
  const avgLength = count ? length / count : 1;
  const ids = termIds(store);
  return {
    documents(term) {
      const id = ids.get(term);
      return id === undefined ? 0 : docFrequency[id]!;
    },
    score(path, queryTerms, subject, families) {
      const termIds: number[] = [];
      const idfs: number[] = [];
      const focus: number[] = [];
      const familyKeys = new Map<string, number>();
      const familyOf: number[] = [];
      for (const [term, weight] of queryTerms) {
        const id = ids.get(term);
        if (id === undefined) continue;
        const n = df[id]!;
        const key = families?.get(term) ?? term;
        if (!familyKeys.has(key)) familyKeys.set(key, familyKeys.size);
        familyOf.push(familyKeys.get(key)!);
        termIds.push(id);
        focus.push(subject?.has(term) ? SUBJECT : 1);
        idfs.push(weight * Math.log(1 + (count - n + 0.5) / (n + 0.5)));
      }
      const bullets = store.bullets[path] ?? [];
      const terms = termIds.length;
      // perTerm[b * terms + t]: BM25 of term t in bullet b.
      const perTerm = new Float64Array(bullets.length * terms);
      const holders = new Uint16Array(terms);
      // Each bullet is read once, its words looked up among the query's: questions with many
      // derived terms (agent → agents, agentic …) would otherwise rescan every bullet per term.
      const slot = new Map(termIds.map((id, t) => [id, t]));
      const tfs = new Uint16Array(terms);
      bullets.forEach((bullet, b) => {
        tfs.fill(0);
        for (const id of bullet) {
          const t = slot.get(id);
          if (t !== undefined) tfs[t]!++;
        }
        const norm = K1 * (1 - B + (B * bullet.length) / avgLength);
        for (let t = 0; t < terms; t++) {
          const tf = tfs[t]!;
          if (tf === 0) continue;
          perTerm[b * terms + t] = (idfs[t]! * tf * (K1 + 1)) / (tf + norm);
          holders[t]!++;
        }
      });
      const spread = Math.log(bullets.length + 1);
      const global = new Array<number>(bullets.length).fill(0);
      const local = new Array<number>(bullets.length).fill(0);
      const bestGlobal = new Float64Array(familyKeys.size);
      const bestLocal = new Float64Array(familyKeys.size);
      for (let b = 0; b < bullets.length; b++) {
        bestGlobal.fill(0);
        bestLocal.fill(0);
        for (let t = 0; t < terms; t++) {
          const score = perTerm[b * terms + t]!;
          if (score === 0) continue;
          const f = familyOf[t]!;
          bestGlobal[f] = Math.max(bestGlobal[f]!, score);
          bestLocal[f] = Math.max(bestLocal[f]!, focus[t]! * score * (Math.log((bullets.length + 1) / holders[t]!) / spread) ** 2);
        }
        for (let f = 0; f < familyKeys.size; f++) {
          global[b]! += bestGlobal[f]!;
          local[b]! += bestLocal[f]!;
        }
      }
      return { global, local };
    },
  };
}
