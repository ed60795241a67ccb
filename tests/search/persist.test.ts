import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../src/search/engine.js';
import { codeFingerprint, decodeSaved, encodeSaved, indexFile, jsonPieces, type SavedIndex } from '../../src/search/persist.js';
import { cleanupTemp, copyVault, FILES, PROJECT_ROOT, tempDir, writeVaultFile } from '../helpers/vault.js';

/**
 * The saved index, tested through openEngine: its layout is the engine's own business, so these
 * tests find its files by listing the cache folder, whatever they are called, and read one only
 * with persist.ts's own decoder.
 */

afterAll(cleanupTemp);

const QUERIES = ['Spark 的生成速度是多少', '英伟达', '大海捞针 召回率', '速率限制', 'Claude Code 测试', '图形处理器', 'xyzzy'];

/** Everything the engine answers, for comparing two opens. */
function answers(engine: Engine) {
  return {
    ask: QUERIES.map((q) => engine.ask(q)),
    since: engine.ask('Codex Spark', { since: '2026-02-13' }),
    topics: ['OpenAI', 'LLM', '大语言模型', 'OpneAI', 'Codex', '量子纠缠'].map((t) => engine.topic(t)),
    summaries: ['餐盘大小的芯片', 'codex-spark', 'Transformer'].map((s) => engine.summary(s)),
    titles: engine.autocomplete('title', ''),
    topicNames: engine.autocomplete('topic', ''),
    docs: engine.docs,
    skipped: engine.skipped,
    articles: engine.stats.articles,
  };
}

/** A saved index's bytes, as written to its file. */
const encoded = (saved: SavedIndex) => Buffer.concat(encodeSaved(saved));

function cacheFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** Rewrites a file's content and moves its mtime, so a change is visible however it is detected. */
function rewrite(vault: string, path: string, change: (text: string) => string): void {
  const full = join(vault, path);
  const before = statSync(full).mtimeMs;
  writeFileSync(full, change(readFileSync(full, 'utf8')));
  const later = new Date(before + 60_000);
  utimesSync(full, later, later);
}

/** Opens and waits until the index is saved: saving may finish after openEngine returns. */
async function open(dir: string, cacheDir: string): Promise<Engine> {
  const engine = await openEngine({ dir, cacheDir });
  expect(await engine.saved).toBeNull();
  return engine;
}

/** A fresh copy of the fixture vault, opened once so its index is saved. */
async function openTwice() {
  const dir = copyVault();
  const cacheDir = tempDir('digest-cache-');
  const first = await open(dir, cacheDir);
  return { dir, cacheDir, first };
}

describe('the saved index', () => {
  it('is loaded, not rebuilt, when the vault is unchanged, and answers identically', async () => {
    const { dir, cacheDir, first } = await openTwice();
    expect(first.report.mode).toBe('built');
    expect(cacheFiles(cacheDir).length).toBeGreaterThan(0);
    const second = await open(dir, cacheDir);
    expect(second.report).toEqual({ mode: 'loaded', reindexed: [], removed: [] });
    expect(answers(second)).toEqual(answers(first));
    expect(second.stats.builtAt).toBe(first.stats.builtAt);
    // Never inside the vault.
    expect(readdirSync(dir).sort()).toEqual(['.obsidian', '00-元语', '01-博客', '02-资源', '03-图书']);
  });

  it('re-indexes exactly the one file that changed', async () => {
    const { dir, cacheDir } = await openTwice();
    rewrite(dir, FILES.google, (text) => text.replace('多条事实同时检索时准确率明显下降。', '多条事实同时检索时准确率降到六成左右。'));
    const updated = await open(dir, cacheDir);
    expect(updated.report).toEqual({ mode: 'updated', reindexed: [FILES.google], removed: [] });
    const hit = updated.ask('准确率降到六成').results[0]!;
    expect(hit.path).toBe(FILES.google);
    expect(hit.bullets.map((b) => b.text)).toContain('多条事实同时检索时准确率降到六成左右。');
    expect(updated.summary('Gemini').results[0]!.keyPoints).toEqual([
      '在一百万 Token 的“大海捞针”测试中召回率接近百分之百。',
      '多条事实同时检索时准确率降到六成左右。',
    ]);
    expect(updated.ask('明显下降').results.map((r) => r.path)).not.toContain(FILES.google);
  });

  it('answers after an update exactly as a fresh build of the same files would', async () => {
    const { dir, cacheDir } = await openTwice();
    rewrite(dir, FILES.verge, (text) => text.replace('认定的具体依据尚未公开。', '认定的具体依据尚未公开，也没有给出申诉期限。'));
    rmSync(join(dir, FILES.google));
    // Sorts first, so every other document moves up a place in the index.
    writeVaultFile(dir, '01-博客/0 新来源/英伟达的新芯片.md', '---\ntitle: "英伟达的新芯片"\n---\n\n## 摘要\n\n英伟达发布新芯片，速率限制放宽。\n');
    const updated = await open(dir, cacheDir);
    expect(updated.report.mode).toBe('updated');
    const fresh = await openEngine({ dir, cacheDir: tempDir('digest-cache-'), persist: false });
    expect(fresh.report.mode).toBe('built');
    expect(answers(updated)).toEqual(answers(fresh));
    expect(updated.ask('申诉期限').results.map((r) => r.path)).toEqual([FILES.verge]);
  });

  it('saves the update, so the next open loads it', async () => {
    const { dir, cacheDir } = await openTwice();
    rewrite(dir, FILES.google, (text) => text.replace('外部复现有限', '外部复现很少'));
    await open(dir, cacheDir);
    const third = await open(dir, cacheDir);
    expect(third.report).toEqual({ mode: 'loaded', reindexed: [], removed: [] });
    expect(third.summary('Gemini').results[0]!.risks).toEqual(['评测集由 Google 自行构建，外部复现很少。']);
  });

  it('lists a deleted file as removed, and no longer returns it', async () => {
    const { dir, cacheDir, first } = await openTwice();
    expect(first.ask('供应链风险').results.map((r) => r.path)).toEqual([FILES.verge]);
    rmSync(join(dir, FILES.verge));
    const after = await open(dir, cacheDir);
    expect(after.report).toEqual({ mode: 'updated', reindexed: [], removed: [FILES.verge] });
    expect(after.ask('供应链风险').results).toEqual([]);
    expect(after.summary('五角大楼').results).toEqual([]);
    expect(after.topic('Anthropic').topic).toBeNull();
    expect(after.docs.map((d) => d.path)).not.toContain(FILES.verge);
    expect(after.resolveLink(FILES.verge)).toBeUndefined();
  });

  it('re-indexes an added file alone', async () => {
    const { dir, cacheDir } = await openTwice();
    const added = '01-博客/新来源/新增的文章.md';
    writeVaultFile(dir, added, '---\ntitle: "新增的文章"\n发布日期: "2026-03-05"\n---\n\n## 摘要\n\n新增文章讨论了蒸馏模型的部署。\n\n## 关联主题\n\n- [[00-元语/LLM]]\n');
    const after = await open(dir, cacheDir);
    expect(after.report).toEqual({ mode: 'updated', reindexed: [added], removed: [] });
    expect(after.ask('蒸馏模型').results.map((r) => r.path)).toEqual([added]);
    expect(after.topic('LLM').results[0]!.path).toBe(added);
  });

  it('keeps skipped files skipped when it loads', async () => {
    const dir = copyVault({ byteFixtures: true });
    const cacheDir = tempDir('digest-cache-');
    const first = await open(dir, cacheDir);
    const second = await open(dir, cacheDir);
    expect(second.report.mode).toBe('loaded');
    expect(second.skipped).toEqual(first.skipped);
    expect(second.skipped).toHaveLength(3);
  });

  it('rebuilds everything when a new topic page changes the vocabulary', async () => {
    const { dir, cacheDir } = await openTwice();
    writeVaultFile(dir, '00-元语/台积电.md', '## 定义\n\n台积电（TSMC）是晶圆代工企业。\n');
    const after = await open(dir, cacheDir);
    expect(after.report.mode).toBe('built');
    expect(after.topic('TSMC').topic).toBe('台积电');
  });

  it('fingerprints the search and parser code with their data files, and nothing else beside them', async () => {
    const src = tempDir('digest-src-');
    for (const folder of ['digest', 'search']) mkdirSync(join(src, folder));
    writeFileSync(join(src, 'search', 'ask.ts'), 'export {};');
    writeFileSync(join(src, 'search', 'thesaurus.txt'), '裁员 减员\n');
    const before = await codeFingerprint(src);
    writeFileSync(join(src, 'search', 'notes.md'), '随手记');
    expect(await codeFingerprint(src)).toBe(before);
    writeFileSync(join(src, 'search', 'thesaurus.txt'), '裁员 减员 layoff\n');
    const thesaurusChanged = await codeFingerprint(src);
    expect(thesaurusChanged).not.toBe(before);
    writeFileSync(join(src, 'digest', 'parse.ts'), 'export {};');
    expect(await codeFingerprint(src)).not.toBe(thesaurusChanged);
  });

  it('rebuilds, never misreads, a saved index with a different fingerprint', async () => {
    const { dir, cacheDir, first } = await openTwice();
    let changed = 0;
    for (const file of cacheFiles(cacheDir)) {
      const saved = decodeSaved(readFileSync(file));
      if (!saved) continue;
      writeFileSync(file, encoded({ ...saved, fingerprint: 'written-by-other-code' }));
      changed++;
    }
    expect(changed).toBeGreaterThan(0);
    const after = await open(dir, cacheDir);
    expect(after.report.mode).toBe('built');
    expect(answers(after)).toEqual(answers(first));
  });

  it.each([
    ['truncated', (text: Buffer) => text.subarray(0, Math.floor(text.length / 2))],
    ['garbage', () => Buffer.from('{"fingerprint": nonsense \u0000\u0001')],
    ['valid JSON of the wrong shape', () => Buffer.from('{"files": 3}')],
  ])('rebuilds, never misreads, a %s index file', async (_label, corrupt) => {
    const { dir, cacheDir, first } = await openTwice();
    const files = cacheFiles(cacheDir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) writeFileSync(file, corrupt(readFileSync(file)));
    const after = await open(dir, cacheDir);
    expect(after.report.mode).toBe('built');
    expect(answers(after)).toEqual(answers(first));
    const again = await open(dir, cacheDir);
    expect(again.report.mode).toBe('loaded');
  });

  it('rebuilds a saved index whose dictionary is gone: an update would extend it', async () => {
    const { dir, cacheDir, first } = await openTwice();
    const dictionaries = cacheFiles(cacheDir).filter((file) => !decodeSaved(readFileSync(file)));
    expect(dictionaries.length).toBeGreaterThan(0);
    for (const file of dictionaries) rmSync(file);
    const after = await open(dir, cacheDir);
    expect(after.report.mode).toBe('built');
    expect(answers(after)).toEqual(answers(first));
    expect((await open(dir, cacheDir)).report.mode).toBe('loaded');
  });

  it('removes the JSON index an earlier version saved, once it has saved its own', async () => {
    const cacheDir = tempDir('digest-cache-');
    const dir = copyVault();
    const legacy = indexFile(cacheDir, dir).replace(/\.index$/, '.json');
    writeFileSync(legacy, '{"fingerprint":"old"}');
    await (await openEngine({ dir, cacheDir })).saved;
    expect(cacheFiles(cacheDir)).not.toContain(legacy);
    expect(cacheFiles(cacheDir)).toContain(indexFile(cacheDir, dir));
  });

  it('saves nothing when persist is off', async () => {
    const dir = copyVault();
    const cacheDir = tempDir('digest-cache-');
    const engine = await openEngine({ dir, cacheDir, persist: false });
    expect(engine.report.mode).toBe('built');
    expect(cacheFiles(cacheDir)).toEqual([]);
    expect((await openEngine({ dir, cacheDir, persist: false })).report.mode).toBe('built');
  });

  it('keeps the indexes of two vaults apart in one cache folder', async () => {
    const cacheDir = tempDir('digest-cache-');
    const a = copyVault();
    const b = copyVault();
    rmSync(join(b, FILES.google));
    await open(a, cacheDir);
    await open(b, cacheDir);
    const reopenedA = await open(a, cacheDir);
    const reopenedB = await open(b, cacheDir);
    expect([reopenedA.report.mode, reopenedB.report.mode]).toEqual(['loaded', 'loaded']);
    expect(reopenedA.summary('Gemini').results.map((r) => r.path)).toEqual([FILES.google]);
    expect(reopenedB.summary('Gemini').results).toEqual([]);
  });
});

describe('writeSaved', () => {
  it('leaves a whole saved index, the old or the new, when the writing process is killed mid-write', async () => {
    const file = join(tempDir('digest-crash-'), 'index.index');
    // A writer that saves two large, different indexes over each other until it is killed.
    const writer = `
      import { writeSaved } from './src/search/persist.ts';
      const postings = { documentCount: 1, terms: [], arrays: [new Uint8Array(4_000_000).fill(7)] };
      const big = (tag) => ({ fingerprint: tag, vocabulary: { words: [tag.repeat(4_000_000)], phrases: [] }, files: [], postings, bullets: {} });
      const versions = [big('a'), big('b')];
      for (let i = 0; ; i++) { await writeSaved(process.argv[1], versions[i % 2]); if (i === 0) console.log('first'); }`;
    for (const delayMs of [0, 40, 90, 150]) {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', writer, file], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      await once(child.stdout!, 'data');
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      child.kill('SIGKILL');
      await once(child, 'exit');
      const saved = decodeSaved(readFileSync(file))!;
      expect(['a', 'b']).toContain(saved.fingerprint);
      expect(saved.vocabulary.words[0]).toBe(saved.fingerprint.repeat(4_000_000));
      expect(saved.postings.arrays[0]!.every((byte) => byte === 7)).toBe(true);
    }
  });
});

describe('the saved form', () => {
  const saved = (arrays: Uint8Array[]): SavedIndex => ({
    fingerprint: 'f',
    builtAt: 1,
    vocabulary: { words: ['英伟达'], phrases: [] },
    files: [{ path: 'a.md', size: 3, mtimeMs: 4, glosses: [] }],
    postings: { documentCount: 1, terms: ['芯片'], arrays },
    bullets: { terms: ['芯片'], bullets: { 'a.md': [[0]] } },
  });
  const arrays = [Uint8Array.of(1, 2, 3), new Uint8Array(0), Uint8Array.of(255, 0, 255, 0, 9, 9, 9, 9, 9)];

  it('decodes to what was encoded, arrays included, each at a multiple of 8 bytes in the file', () => {
    const data = encoded(saved(arrays));
    const decoded = decodeSaved(data)!;
    expect(decoded).toEqual(saved(arrays));
    for (const array of decoded.postings.arrays) expect((array.byteOffset - data.byteOffset) % 8).toBe(0);
  });

  it('decodes what was encoded, for any arrays and text, and nothing from any of its truncations', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 6 }), fc.string(), (arrays, text) => {
        const index = { ...saved(arrays), vocabulary: { words: [text], phrases: [] } };
        const data = encoded(index);
        expect(decodeSaved(data)).toEqual(index);
        for (let end = 0; end < data.length; end += 7) expect(decodeSaved(data.subarray(0, end))).toBeNull();
      }),
    );
  });

  it('decodes any bytes without throwing: a saved index, or null', () => {
    const json = (value: unknown) => Buffer.from(JSON.stringify(value));
    const framed = (body: Buffer) => Buffer.concat([Buffer.from(Uint32Array.of(body.length).buffer), body]);
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)),
      // JSON of any shape behind a valid length, followed by any bytes.
      fc.tuple(fc.jsonValue(), fc.uint8Array({ maxLength: 64 })).map(([value, tail]) => Buffer.concat([framed(json(value)), tail])),
      fc.tuple(fc.array(fc.integer({ min: -2, max: 1e9 }), { maxLength: 4 }), fc.uint8Array({ maxLength: 64 })).map(([arrays, tail]) =>
        Buffer.concat([framed(json({ postings: { arrays } })), tail]),
      ),
    );
    fc.assert(
      fc.property(bytes, (data) => {
        const decoded = decodeSaved(data);
        if (decoded) expect(decoded.postings.arrays.every((array) => array instanceof Uint8Array)).toBe(true);
      }),
    );
  });

  it('writes the JSON of any value exactly as JSON.stringify does, in pieces', () => {
    const value = fc.oneof(
      fc.jsonValue(),
      // What JSON.stringify leaves out or writes as null, at any depth.
      fc.anything({ withNullPrototype: true, withMap: true, withSet: true, withTypedArray: true, withDate: true, withSparseArray: true, maxDepth: 4 }),
      fc.array(fc.string({ unit: 'grapheme', maxLength: 3000 }), { maxLength: 60 }).map((files) => ({ files, postings: { terms: files } })),
    );
    fc.assert(
      fc.property(value, (v) => {
        expect(Buffer.concat(jsonPieces(v)).toString()).toBe(JSON.stringify(v) ?? 'null');
      }),
    );
  });

  it('decodes nothing from a truncated or extended file, or from JSON', () => {
    const data = encoded(saved(arrays));
    expect(decodeSaved(data.subarray(0, data.length - 1))).toBeNull();
    expect(decodeSaved(Buffer.concat([data, Buffer.of(0)]))).toBeNull();
    expect(decodeSaved(data.subarray(0, 3))).toBeNull();
    expect(decodeSaved(Buffer.from(JSON.stringify(saved([]))))).toBeNull();
  });
});
