import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../src/search/engine.js';
import { best, clip, MAX_SUGGESTION_CHARS, MAX_SUGGESTIONS, titleKey } from '../../src/search/titles.js';
import { typedText } from '../helpers/text.js';
import { cleanupTemp, tempDir, writeVaultFile } from '../helpers/vault.js';

describe('titleKey', () => {
  it('drops case, width, spaces and punctuation', () => {
    expect(titleKey('OpenAI 绕过英伟达：在“餐盘大小”的芯片上')).toBe('openai绕过英伟达在餐盘大小的芯片上');
    expect(titleKey('ＧＰＴ－５.３  Codex')).toBe('gpt53codex');
    expect(titleKey('C++ & Rust!')).toBe('crust');
  });

  it('is idempotent on typed text', () => {
    fc.assert(
      fc.property(typedText(40), (text) => {
        expect(titleKey(titleKey(text))).toBe(titleKey(text));
      }),
    );
  });
});

describe('clip', () => {
  it('leaves short text alone and cuts long text to the limit with an ellipsis', () => {
    expect(clip('短标题')).toBe('短标题');
    expect(clip('x'.repeat(100))).toBe('x'.repeat(100));
    expect(clip('x'.repeat(101))).toBe('x'.repeat(99) + '…');
    expect(clip('一二三四五', 3)).toBe('一二…');
  });

  it('counts characters, not UTF-16 units', () => {
    const emoji = '😀'.repeat(101);
    expect(Array.from(clip(emoji)).length).toBe(100);
  });
});

describe('best', () => {
  it('keeps the first items in order, ties in the order given, as a stable sort cut to the limit would', () => {
    const byScore = (a: [number, number], b: [number, number]) => b[0] - a[0];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 })), fc.integer({ min: 1, max: 30 }), (scores, limit) => {
        const items = scores.map((score, i): [number, number] => [score, i]);
        expect(best(items, limit, byScore)).toEqual([...items].sort(byScore).slice(0, limit));
      }),
    );
  });
});

describe('autocomplete on a vault of many long titles', () => {
  let engine: Engine;
  const longTitle = (i: number) => `第${String(i).padStart(2, '0')}篇：` + '关于大模型推理成本与上下文长度权衡的长篇分析'.repeat(6);

  beforeAll(async () => {
    const vault = tempDir('digest-many-');
    for (let i = 1; i <= 30; i++) {
      const day = String(i).padStart(2, '0');
      writeVaultFile(
        vault,
        `01-博客/长标题/文章${day}.md`,
        `---\ntitle: "${longTitle(i)}"\n发布日期: "2025-01-${day}"\n---\n\n## 摘要\n\n第 ${i} 篇的摘要。\n\n## 关联主题\n\n- [[00-元语/主题${day}]]\n`,
      );
    }
    engine = await openEngine({ dir: vault, cacheDir: tempDir('digest-cache-'), persist: false });
  });
  afterAll(cleanupTemp);

  it('suggests at most 25 titles, each name and value at most 100 characters', () => {
    for (const prefix of ['', '大模型', '推理成本', '第']) {
      const suggestions = engine.autocomplete('title', prefix);
      expect(suggestions).toHaveLength(MAX_SUGGESTIONS);
      for (const { name, value } of suggestions) {
        expect(Array.from(name).length).toBeLessThanOrEqual(MAX_SUGGESTION_CHARS);
        expect(Array.from(value).length).toBeLessThanOrEqual(MAX_SUGGESTION_CHARS);
      }
    }
  });

  it('suggests at most 25 topics', () => {
    expect(engine.autocomplete('topic', '')).toHaveLength(MAX_SUGGESTIONS);
    expect(engine.autocomplete('topic', '主题')).toHaveLength(MAX_SUGGESTIONS);
  });

  it('sends back a clipped title that /summary still finds', () => {
    const [first] = engine.autocomplete('title', '第07篇');
    expect(first!.name.endsWith('…')).toBe(true);
    expect(first!.value).toBe(first!.name.slice(0, -1));
    expect(engine.summary(first!.value).results[0]!.title).toBe(longTitle(7));
  });
});
