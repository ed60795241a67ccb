/**
 * `npm run fuzz [VAULT]`: the hostile-input corpus (tests/fixtures/hostile.ts) through every
 * command handler and autocomplete, on the real vault, as the bot runs them (handler, then the
 * reply fitted to Discord's limits). Prints, per command, how many inputs, and the p50, p99 and
 * maximum time to a prepared reply: the "each answer within the deadline" figure, never pass/fail.
 */
import { command as ask } from '../commands/ask.js';
import { command as summary } from '../commands/summary.js';
import { command as topic } from '../commands/topic.js';
import { openReply } from '../src/discord/answers.js';
import type { OptionReader } from '../src/discord/command.js';
import { replyLinks, type Links } from '../src/discord/render/links.js';
import { prepare, prepareChoices } from '../src/discord/reply.js';
import { DEFAULT_CACHE_DIR, openEngine, type Engine } from '../src/search/engine.js';
import { HANDWRITTEN, hostileQueries } from '../tests/fixtures/hostile.js';
import { fmt, percentile, REAL_VAULT, requireVault } from './lib.js';

const options = (name: string, value: string): OptionReader => ({
  getString: (option) => (option === name ? value : null),
  getInteger: () => null,
});

/** What the bot does for one input to each command, up to the JSON it would send. */
const COMMANDS: [string, (engine: Engine, links: Links, q: string) => unknown][] = [
  ['/ask', (engine, links, q) => prepare(ask.run(options('question', q), engine, links))],
  ['/topic', (engine, links, q) => prepare(topic.run(options('name', q), engine, links))],
  ['/summary', (engine, links, q) => prepare(summary.run(options('title', q), engine, links))],
  ['/topic autocomplete', (engine, _links, q) => prepareChoices(topic.autocomplete!(engine, q))],
  ['/summary autocomplete', (engine, _links, q) => prepareChoices(summary.autocomplete!(engine, q))],
  ['menu: open topic', (engine, links, q) => prepare(openReply(engine, links, { kind: 'topic', name: q }))],
  ['menu: open document', (engine, links, q) => prepare(openReply(engine, links, { kind: 'doc', id: q }))],
  // The terminal mode puts no length cap in front of the engine.
  ['engine ask, uncapped', (engine, _links, q) => engine.ask(q)],
];

async function main(): Promise<void> {
  const dir = process.argv[2] ?? REAL_VAULT;
  if (!requireVault(dir, 'fuzz')) return;
  const engine = await openEngine({ dir, cacheDir: process.env.INDEX_CACHE_DIR || DEFAULT_CACHE_DIR });
  // Replies link as the bot's would, to the digest site when DIGEST_BASE_URL is set.
  const links = replyLinks(process.env.DIGEST_BASE_URL || undefined, engine);
  const queries = hostileQueries();
  console.log(`fuzz: ${queries.length} hostile inputs (${HANDWRITTEN.length} handwritten) on ${dir}, ${engine.stats.articles} articles`);
  console.log('time from input to prepared reply, ms (after one warm-up pass over the handwritten inputs)');
  console.log(`${'command'.padEnd(24)}${'count'.padStart(7)}${'p50'.padStart(9)}${'p99'.padStart(9)}${'max'.padStart(9)}  slowest input`);
  for (const [name, run] of COMMANDS) {
    for (const q of HANDWRITTEN) run(engine, links, q);
    const times = queries.map((q) => {
      const started = performance.now();
      run(engine, links, q);
      return performance.now() - started;
    });
    const slowest = queries[times.indexOf(Math.max(...times))]!;
    const shown = JSON.stringify(slowest.length > 40 ? `${slowest.slice(0, 40)}…` : slowest) + (slowest.length > 40 ? ` (${slowest.length} chars)` : '');
    console.log(`${name.padEnd(24)}${String(times.length).padStart(7)}${fmt(percentile(times, 50), 2).padStart(9)}${fmt(percentile(times, 99), 2).padStart(9)}${fmt(Math.max(...times), 2).padStart(9)}  ${shown}`);
  }
}

await main();
