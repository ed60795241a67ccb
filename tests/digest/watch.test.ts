import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchFolder, type WatchOptions } from '../../src/digest/watch.js';
import { cleanupTemp, tempDir } from '../helpers/vault.js';

let stop = () => {};
afterEach(() => {
  stop();
  cleanupTemp();
});

/** Starts watching a fresh folder; `calls` counts onChange, `next()` waits for the next one. */
function watched(options: WatchOptions = {}) {
  const dir = tempDir('digest-watch-');
  const state = { calls: 0, waiters: [] as (() => void)[] };
  stop = watchFolder(
    dir,
    () => {
      state.calls++;
      for (const wake of state.waiters.splice(0)) wake();
    },
    { debounceMs: 100, ...options },
  );
  const next = () => new Promise<void>((resolve) => state.waiters.push(resolve));
  return { dir, state, next };
}

const quiet = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchFolder', () => {
  it('calls once for a burst of files written, renamed and deleted together', async () => {
    // A long quiet time, so a stall of the (shared, noisy) machine mid-burst cannot split it.
    const { dir, state, next } = watched({ debounceMs: 500 });
    const called = next();
    mkdirSync(join(dir, 'a/b'), { recursive: true });
    for (let i = 0; i < 30; i++) writeFileSync(join(dir, `a/b/${i}.md`), `# ${i}`);
    renameSync(join(dir, 'a/b/0.md'), join(dir, 'a/zero.md'));
    rmSync(join(dir, 'a/b/1.md'));
    await called;
    await quiet(600);
    expect(state.calls).toBe(1);
  });

  it('sees files in folders created after watching began', async () => {
    const { dir, next } = watched();
    mkdirSync(join(dir, 'new'));
    await next();
    const called = next();
    writeFileSync(join(dir, 'new/article.md'), '# 新文章');
    await called;
  });

  it('ignores changes inside dot-folders such as .git and .obsidian', async () => {
    const { dir, state } = watched();
    mkdirSync(join(dir, '.git/objects'), { recursive: true });
    mkdirSync(join(dir, '.obsidian'));
    await quiet(300);
    const before = state.calls;
    writeFileSync(join(dir, '.git/objects/ab'), 'blob');
    writeFileSync(join(dir, '.obsidian/workspace.json'), '{}');
    await quiet(300);
    expect(state.calls).toBe(before);
  });

  it('still calls during a burst that never goes quiet, after maxWaitMs', async () => {
    const { dir, state, next } = watched({ debounceMs: 200, maxWaitMs: 400 });
    const called = next();
    let i = 0;
    const writer = setInterval(() => writeFileSync(join(dir, `${i++}.md`), 'x'), 50);
    try {
      await called;
      // The writer is still going: the call came from the cap, not from a quiet moment.
      expect(state.calls).toBe(1);
    } finally {
      clearInterval(writer);
    }
  });

  it('looks again periodically even when no event arrives', async () => {
    const { next } = watched({ pollMs: 150 });
    await next();
    await next();
  });

  it('stops calling once stopped', async () => {
    const { dir, state } = watched({ pollMs: 100 });
    stop();
    writeFileSync(join(dir, 'late.md'), 'x');
    await quiet(400);
    expect(state.calls).toBe(0);
  });
});
