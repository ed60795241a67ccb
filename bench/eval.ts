/**
 * `npm run eval`: answer quality on the labelled sets in bench/eval/, for the engine and for a
 * bigram baseline measured in the same run. Prints figures; the targets are in the README.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadVault } from '../src/digest/load.js';
import { openEngine } from '../src/search/engine.js';
import { Baseline } from './baseline.js';
import { fmt, readJsonl, REAL_VAULT, requireVault, ROOT } from './lib.js';

interface AskCase {
  q: string;
  expect: string[];
  fact: string;
}
interface TopicCase {
  q: string;
  expect: string;
}
interface SummaryCase {
  q: string;
  expect: string;
}

interface Ranked {
  path: string;
  bullets: string[];
}

interface Scores {
  hit1: number;
  hit3: number;
  mrr5: number;
  fact: number;
  misses: string[];
}

/** hit@k, MRR@5, and whether the right article's top-3 bullets state the fact. */
function scoreAsk(cases: readonly AskCase[], answer: (q: string) => Ranked[]): Scores {
  const s: Scores = { hit1: 0, hit3: 0, mrr5: 0, fact: 0, misses: [] };
  for (const c of cases) {
    const results = answer(c.q);
    const rank = results.findIndex((r) => c.expect.includes(r.path));
    if (rank === 0) s.hit1++;
    if (rank >= 0 && rank < 3) s.hit3++;
    if (rank >= 0 && rank < 5) s.mrr5 += 1 / (rank + 1);
    const right = results.find((r) => r.path === c.expect[0]) ?? results[rank];
    if (right?.bullets.slice(0, 3).some((b) => b.includes(c.fact))) s.fact++;
    if (rank !== 0) s.misses.push(`${c.q}  → rank ${rank < 0 ? '-' : rank + 1}; top: ${results[0]?.path ?? '(nothing)'}`);
  }
  const n = cases.length;
  return { hit1: s.hit1 / n, hit3: s.hit3 / n, mrr5: s.mrr5 / n, fact: s.fact / n, misses: s.misses };
}

/** Topic and summary sets: one expected answer each, and no bullets to check. */
function scoreExact(cases: readonly { q: string; expect: string }[], answer: (q: string) => string[]): Scores {
  const asAsk = cases.map((c) => ({ q: c.q, expect: [c.expect], fact: '' }));
  const scores = scoreAsk(asAsk, (q) => answer(q).map((path) => ({ path, bullets: [] })));
  return { ...scores, fact: NaN };
}

function row(name: string, s: Scores): string {
  return `  ${name.padEnd(9)} hit@1 ${fmt(s.hit1)}  hit@3 ${fmt(s.hit3)}  MRR@5 ${fmt(s.mrr5)}  fact-in-bullets ${fmt(s.fact)}`;
}

/** The numbers of the held-out sets in bench/eval/ (`ask-heldout-N.jsonl`), in order. */
function heldOutSets(): number[] {
  return readdirSync(resolve(ROOT, 'bench', 'eval'))
    .flatMap((name) => /^ask-heldout-(\d+)\.jsonl$/.exec(name)?.[1] ?? [])
    .map(Number)
    .sort((a, b) => a - b);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  // `--ask FILE`: score another labelled /ask set (same JSON Lines form) in place of bench/eval's.
  const askAt = args.indexOf('--ask');
  const askFile = askAt >= 0 ? args.splice(askAt, 2)[1] : undefined;
  if (askAt >= 0 && !askFile) throw new Error('usage: npm run eval -- [VAULT] [--misses] [--ask FILE]');
  const dir = args.find((arg) => !arg.startsWith('--')) ?? REAL_VAULT;
  if (!requireVault(dir, 'eval')) return;
  const verbose = args.includes('--misses');
  // The held-out sets were written blind to the engine's answers, after it was tuned on ask.jsonl.
  const askSets: [string, AskCase[]][] = askFile
    ? [['ask', readJsonl<AskCase>(resolve(askFile))]]
    : [
        ['ask', readJsonl<AskCase>('ask.jsonl')],
        ...heldOutSets().map((n): [string, AskCase[]] => [`ask held-out ${n}`, readJsonl<AskCase>(`ask-heldout-${n}.jsonl`)]),
      ];
  const topics = readJsonl<TopicCase>('topic.jsonl');
  const summaries = readJsonl<SummaryCase>('summary.jsonl');

  const engine = await openEngine({ dir });
  const baseline = new Baseline(loadVault(dir).docs);

  const sets: [string, Scores, Scores][] = [
    ...askSets.map(([name, asks]): [string, Scores, Scores] => [
      `${name} (${asks.length})`,
      scoreAsk(asks, (q) => engine.ask(q, { limit: 10 }).results.map((r) => ({ path: r.path, bullets: r.bullets.map((b) => b.text) }))),
      scoreAsk(asks, (q) => baseline.ask(q)),
    ]),
    [
      `topic (${topics.length})`,
      scoreExact(topics, (q) => {
        const topic = engine.topic(q).topic;
        return topic ? [topic] : [];
      }),
      scoreExact(topics, (q) => {
        const topic = baseline.topic(q);
        return topic ? [topic] : [];
      }),
    ],
    [
      `summary (${summaries.length})`,
      scoreExact(summaries, (q) => engine.summary(q, { limit: 5 }).results.map((r) => r.path)),
      scoreExact(summaries, (q) => baseline.summary(q)),
    ],
  ];

  console.log(`vault: ${dir} (${engine.stats.articles} articles)`);
  for (const [name, ours, base] of sets) {
    console.log(`${name}`);
    console.log(row('engine', ours));
    console.log(row('baseline', base));
    if (verbose) for (const miss of ours.misses) console.log(`    miss: ${miss}`);
  }
}

await main();
