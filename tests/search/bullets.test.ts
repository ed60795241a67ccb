import { describe, expect, it } from 'vitest';
import { bulletScorer, emptyStore, putBullets, termIds } from '../../src/search/bullets.js';
import type { PreparedDoc } from '../../src/search/prepare.js';

const prepared = (oneLine: string[], keyPoints: string[][]): PreparedDoc => ({ title: [], oneLine, keyPoints, risks: [], topics: [], meta: [], body: [] });

/** A Kimi article among twenty others: none names Kimi, five speak of stability (稳定). */
function store() {
  const bullets = emptyStore();
  const ids = termIds(bullets);
  putBullets(bullets, ids, 'kimi.md', prepared(['推理', '服务'], [['kimi', '发布', '半个月'], ['稳定', '承接', '请求'], ['推理', '速度', '提升']]));
  for (let i = 0; i < 20; i++) {
    putBullets(bullets, ids, `other${i}.md`, prepared(['推理', '服务', `话题${i}`], [['系统', i < 5 ? '稳定' : '延迟', '请求'], ['发布', '新版']]));
  }
  return bullets;
}

describe('bulletScorer', () => {
  const query = new Map([
    ['kimi', 1],
    ['稳定', 1],
  ]);

  it('scores highest the bullet holding the rarest word of the question', () => {
    const { local } = bulletScorer(store()).score('kimi.md', query);
    expect(local.indexOf(Math.max(...local))).toBe(1);
  });

  it('lets the words of the article’s subject count less in choosing the bullet that answers', () => {
    const { local, global } = bulletScorer(store()).score('kimi.md', query, new Set(['kimi']));
    expect(local.indexOf(Math.max(...local))).toBe(2);
    // How well the article answers is unchanged: the subject still counts in full there.
    expect(global).toEqual(bulletScorer(store()).score('kimi.md', query).global);
  });

  it('scores 0 for bullets without a query term, and for an unknown path', () => {
    const scorer = bulletScorer(store());
    expect(scorer.score('kimi.md', query).local[3]).toBe(0);
    expect(scorer.score('missing.md', query)).toEqual({ global: [], local: [] });
  });

  it('scores a word and its pieces (稳定性, 稳定, 定性) in one family as the best of them, not their sum', () => {
    const bullets = emptyStore();
    const ids = termIds(bullets);
    putBullets(bullets, ids, 'a.md', prepared(['服务'], [['稳定性', '稳定', '定性'], ['请求']]));
    putBullets(bullets, ids, 'b.md', prepared(['推理'], [['稳定', '速度'], ['定性', '分析']]));
    const scorer = bulletScorer(bullets);
    const words = ['稳定性', '稳定', '定性'];
    const alone = words.map((word) => scorer.score('a.md', new Map([[word, 1]])).global[1]!);
    const family = new Map(words.map((word) => [word, '稳定性']));
    const { global, local } = scorer.score('a.md', new Map(words.map((word) => [word, 1])), undefined, family);
    expect(global[1]).toBeCloseTo(Math.max(...alone), 12);
    expect(local[1]).toBeGreaterThan(0);
    expect(scorer.score('a.md', new Map(words.map((word) => [word, 1]))).global[1]).toBeCloseTo(alone[0]! + alone[1]! + alone[2]!, 12);
  });

  it('counts the documents whose summary states a term', () => {
    const scorer = bulletScorer(store());
    expect([scorer.documents('kimi'), scorer.documents('稳定'), scorer.documents('推理'), scorer.documents('没有')]).toEqual([1, 6, 21, 0]);
  });
});
