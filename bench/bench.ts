/**
 * `npm run bench [VAULT]`: speed and memory of the engine, as figures (medians of several runs),
 * never pass/fail: cold build, warm start, query latency, peak RSS, index size.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEngine } from '../src/search/engine.js';
import { fmt, median, percentile, readJsonl, REAL_VAULT, requireVault, ROOT } from './lib.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface ChildReport {
  ms: number;
  maxRssMb: number;
}

/** Runs the engine in a fresh process started as `npm run cli` starts one, and reads back its own timing. */
function child(mode: 'cold' | 'warm' | 'update', dir: string, cacheDir: string): ChildReport & { wallMs: number } {
  const started = performance.now();
  const out = execFileSync(process.execPath, [join(ROOT, 'src', 'run.mjs'), join(ROOT, 'bench', 'child.ts'), mode, dir, cacheDir], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const wallMs = performance.now() - started;
  return { ...(JSON.parse(out.trim().split('\n').pop()!) as ChildReport), wallMs };
}

/** Latency of each query, one array per round over the whole query list. */
function timeRounds(queries: readonly string[], fn: (q: string) => unknown, rounds = 5): number[][] {
  return Array.from({ length: rounds }, () =>
    queries.map((q) => {
      const t = performance.now();
      fn(q);
      return performance.now() - t;
    }),
  );
}

/** A percentile per round, then the median of the rounds: one GC pause or noisy neighbour moves one round, not the figure. */
function roundPercentile(rounds: number[][], p: number): number {
  return median(rounds.map((times) => percentile(times, p)));
}

/** The watcher on a copy of the vault (the benchmark never writes to the vault itself), one new article per run. */
function measureUpdates(dir: string): ChildReport[] {
  const copy = mkdtempSync(join(tmpdir(), 'digest-bench-vault-'));
  const cacheDir = mkdtempSync(join(tmpdir(), 'digest-bench-'));
  try {
    cpSync(dir, copy, { recursive: true });
    child('cold', copy, cacheDir);
    return Array.from({ length: RUNS }, () => child('update', copy, cacheDir));
  } finally {
    rmSync(copy, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const dir = process.argv[2] ?? REAL_VAULT;
  if (!requireVault(dir, 'bench')) return;
  console.log(`bench: ${dir}, median of ${RUNS} runs`);

  const cold: (ChildReport & { wallMs: number })[] = [];
  let cacheDir = '';
  for (let i = 0; i < RUNS; i++) {
    if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
    cacheDir = mkdtempSync(join(tmpdir(), 'digest-bench-'));
    cold.push(child('cold', dir, cacheDir));
  }
  const warm = Array.from({ length: RUNS }, () => child('warm', dir, cacheDir));
  const indexBytes = readdirSync(cacheDir).reduce((sum, name) => sum + statSync(join(cacheDir, name)).size, 0);

  const engine = await openEngine({ dir, cacheDir });
  rmSync(cacheDir, { recursive: true, force: true });
  const updates = measureUpdates(dir);
  const asks = readJsonl<{ q: string }>('ask.jsonl').map((c) => c.q);
  const topics = readJsonl<{ q: string }>('topic.jsonl').map((c) => c.q);
  const summaries = readJsonl<{ q: string }>('summary.jsonl').map((c) => c.q);
  const prefixes = [...topics, ...summaries].flatMap((q) => [1, 2, 4, 8].map((n) => Array.from(q).slice(0, n).join('')));
  timeRounds(asks, (q) => engine.ask(q), 1); // warm the JIT before measuring
  const latency: [string, number[][]][] = [
    ['ask', timeRounds(asks, (q) => engine.ask(q))],
    ['topic', timeRounds(topics, (q) => engine.topic(q))],
    ['summary', timeRounds(summaries, (q) => engine.summary(q))],
    ['autocomplete', timeRounds(prefixes, (q) => engine.autocomplete(q.length % 2 ? 'title' : 'topic', q))],
  ];

  console.log(`articles indexed         ${engine.stats.articles} (${engine.stats.files} files)`);
  console.log(`cold build (in process)  ${fmt(median(cold.map((c) => c.ms)) / 1000, 2)} s`);
  console.log(`cold build (wall)        ${fmt(median(cold.map((c) => c.wallMs)) / 1000, 2)} s, process start to saved index`);
  console.log(`warm start (wall)        ${fmt(median(warm.map((c) => c.wallMs)) / 1000, 2)} s, process start to first answer`);
  console.log(`peak RSS cold build      ${fmt(median(cold.map((c) => c.maxRssMb)), 0)} MB`);
  console.log(`peak RSS warm start      ${fmt(median(warm.map((c) => c.maxRssMb)), 0)} MB`);
  console.log(`live update (wall)       ${fmt(median(updates.map((c) => c.ms)) / 1000, 2)} s, article written to the new index serving it (0.5 s of it is the watcher's quiet time)`);
  console.log(`peak RSS live update     ${fmt(median(updates.map((c) => c.maxRssMb)), 0)} MB`);
  console.log(`index on disk            ${fmt(indexBytes / 1048576, 1)} MB`);
  for (const [name, rounds] of latency) {
    const p50 = fmt(roundPercentile(rounds, 50), 2);
    const p99 = fmt(roundPercentile(rounds, 99), 2);
    console.log(`${(name + ' latency').padEnd(25)}p50 ${p50} ms  p99 ${p99} ms  (${rounds[0]!.length} queries, median of ${rounds.length} rounds)`);
  }
}

await main();
