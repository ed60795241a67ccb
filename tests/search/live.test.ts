import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine, type Engine, type OpenOptions } from '../../src/search/engine.js';
import { refreshEngine, watchEngine, type IndexUpdate } from '../../src/search/live.js';
import { cleanupTemp, copyVault, tempDir, writeVaultFile } from '../helpers/vault.js';

let vault: OpenOptions;
let first: Engine;

beforeAll(async () => {
  vault = { dir: copyVault(), cacheDir: tempDir('digest-cache-') };
  first = await openEngine(vault);
  expect(await first.saved).toBeNull();
});
afterAll(cleanupTemp);

/** A new article in the vault's format; `subject` makes it the only answer to a question about it. */
function article(title: string, subject: string): string {
  return `---\ntitle: "${title}"\n发布日期: 2026-03-01\n作者: "测试"\n---\n\n## 摘要\n\n${subject}。\n\n- ${subject}的第一个要点。\n\n## 关联主题\n\n- [[00-元语/OpenAI]]\n`;
}

const titles = (update: IndexUpdate | null, key: 'added' | 'changed' | 'removed') => update?.[key].map((d) => d.title);

describe('refreshEngine', () => {
  let current: Engine;
  beforeAll(() => {
    current = first;
  });
  async function refresh(): Promise<IndexUpdate | null> {
    const update = await refreshEngine(current, vault);
    if (update) {
      expect(await update.engine.saved).toBeNull();
      current = update.engine;
    }
    return update;
  }

  it('does nothing while the files are as the index saw them', async () => {
    expect(await refresh()).toBeNull();
  });

  it('indexes a new file aside, leaving the engine in use untouched', async () => {
    const before = current;
    writeVaultFile(vault.dir, '01-博客/测试/量子退火.md', article('量子退火芯片的新进展', '量子退火芯片在组合优化上提速'));
    const update = await refresh();
    expect(update?.engine.report.mode).toBe('updated');
    expect(update?.engine.report.reindexed).toEqual(['01-博客/测试/量子退火.md']);
    expect([titles(update, 'added'), titles(update, 'changed'), titles(update, 'removed')]).toEqual([['量子退火芯片的新进展'], [], []]);
    expect(update!.engine.ask('量子退火').results[0]?.title).toBe('量子退火芯片的新进展');
    expect(update!.engine.stats.articles).toBe(before.stats.articles + 1);
    expect(before.ask('量子退火').results).toEqual([]);
  });

  it('reports an edited file as changed and answers from its new text', async () => {
    writeVaultFile(vault.dir, '01-博客/测试/量子退火.md', article('量子退火芯片的新进展', '量子退火芯片在物流调度上提速'));
    const update = await refresh();
    expect([titles(update, 'added'), titles(update, 'changed'), titles(update, 'removed')]).toEqual([[], ['量子退火芯片的新进展'], []]);
    expect(update!.engine.ask('物流调度').results[0]?.title).toBe('量子退火芯片的新进展');
  });

  it('reports a renamed file as the new path added and the old one removed', async () => {
    renameSync(join(vault.dir, '01-博客/测试/量子退火.md'), join(vault.dir, '01-博客/测试/量子退火芯片.md'));
    const update = await refresh();
    expect(update?.added.map((d) => d.path)).toEqual(['01-博客/测试/量子退火芯片.md']);
    expect(update?.removed.map((d) => d.path)).toEqual(['01-博客/测试/量子退火.md']);
  });

  it('forgets a deleted file', async () => {
    rmSync(join(vault.dir, '01-博客/测试/量子退火芯片.md'));
    const update = await refresh();
    expect([titles(update, 'added'), titles(update, 'removed')]).toEqual([[], ['量子退火芯片的新进展']]);
    expect(update!.engine.ask('量子退火').results).toEqual([]);
    expect(update!.engine.stats.articles).toBe(first.stats.articles);
  });
});

describe('watchEngine', () => {
  it('batches a burst of new files into few updates and ends with every one of them indexed', async () => {
    const start = (await refreshEngine(first, vault))?.engine ?? first;
    const updates: IndexUpdate[] = [];
    const errors: Error[] = [];
    const names = Array.from({ length: 40 }, (_, i) => `批量文章${String(i).padStart(2, '0')}`);
    const done = new Promise<void>((resolve) => {
      const stop = watchEngine(start, vault, {
        debounceMs: 300,
        onUpdate: (update) => {
          updates.push(update);
          if (update.engine.stats.articles === start.stats.articles + names.length) {
            stop();
            resolve();
          }
        },
        onError: (error) => errors.push(error),
      });
    });
    for (const name of names) writeVaultFile(vault.dir, `01-博客/批量/${name}.md`, article(name, `${name}讲述磁悬浮列车`));
    await done;
    expect(errors).toEqual([]);
    expect(updates.length).toBeLessThanOrEqual(3);
    expect(updates.flatMap((u) => u.added.map((d) => d.title)).sort()).toEqual(names);
    expect(updates.at(-1)!.engine.ask('磁悬浮列车', { limit: 50 }).total).toBe(names.length);
  });
});
