/**
 * `npm run fuzz [VAULT]`: the hostile-input corpus (tests/fixtures/hostile.ts) through every
 * command handler and autocomplete, on the real vault, as the bot runs them (handler, then the
 * reply fitted to Discord's limits). Prints, per command, how many inputs, and the p50, p99 and
 * maximum time to a prepared reply: the "each answer within the deadline" figure, never pass/fail.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { command as ask } from '../commands/ask.js';
import { command as follow } from '../commands/follow.js';
import { command as following } from '../commands/following.js';
import { command as summary } from '../commands/summary.js';
import { command as topic } from '../commands/topic.js';
import { command as unfollow } from '../commands/unfollow.js';
import { openReply } from '../src/discord/answers.js';
import type { Command, CommandContext, OptionReader } from '../src/discord/command.js';
import { replyLinks, type Links } from '../src/discord/render/links.js';
import { prepare, prepareChoices } from '../src/discord/reply.js';
import { FollowStore } from '../src/follow/store.js';
import { DEFAULT_CACHE_DIR, openEngine, type Engine } from '../src/search/engine.js';
import { HANDWRITTEN, hostileQueries } from '../tests/fixtures/hostile.js';
import { fmt, percentile, REAL_VAULT, requireVault } from './lib.js';

interface Bot {
  engine: Engine;
  links: Links;
  /** A member who may manage the channel, where the bot may post, with a scratch database. */
  context: CommandContext;
}

const options = (name: string, value: string): OptionReader => ({
  getString: (option) => (option === name ? value : null),
  getInteger: () => null,
});

/** What the bot does for one input to a command, up to the JSON it would send. */
const answer = (command: Command, option: string) => ({ engine, links, context }: Bot, q: string) =>
  prepare(command.run(options(option, q), engine, links, context));
const complete = (command: Command) => ({ engine, context }: Bot, q: string) => prepareChoices(command.autocomplete!(engine, q, context));

const COMMANDS: [string, (bot: Bot, q: string) => unknown][] = [
  ['/ask', answer(ask, 'question')],
  ['/topic', answer(topic, 'name')],
  ['/summary', answer(summary, 'title')],
  ['/follow', answer(follow, 'topic')],
  ['/unfollow', answer(unfollow, 'topic')],
  ['/following', answer(following, 'none')],
  ['/topic autocomplete', complete(topic)],
  ['/summary autocomplete', complete(summary)],
  ['/unfollow autocomplete', complete(unfollow)],
  ['menu: open topic', ({ engine, links }, q) => prepare(openReply(engine, links, { kind: 'topic', name: q }))],
  ['menu: open document', ({ engine, links }, q) => prepare(openReply(engine, links, { kind: 'doc', id: q }))],
  // The terminal mode puts no length cap in front of the engine.
  ['engine ask, uncapped', ({ engine }, q) => engine.ask(q)],
];

async function main(): Promise<void> {
  const dir = process.argv[2] ?? REAL_VAULT;
  if (!requireVault(dir, 'fuzz')) return;
  const engine = await openEngine({ dir, cacheDir: process.env.INDEX_CACHE_DIR || DEFAULT_CACHE_DIR });
  const dataDir = mkdtempSync(join(tmpdir(), 'digest-fuzz-'));
  const posting = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks;
  const bot: Bot = {
    engine,
    // Replies link as the bot's would, to the digest site when DIGEST_BASE_URL is set.
    links: replyLinks(process.env.DIGEST_BASE_URL || undefined, engine),
    context: {
      userId: '1300000000000000002',
      place: { guildId: '1300000000000000009', channelId: '1300000000000000001', member: PermissionFlagsBits.ManageChannels, bot: posting },
      follows: FollowStore.open(dataDir),
    },
  };
  const queries = hostileQueries();
  console.log(`fuzz: ${queries.length} hostile inputs (${HANDWRITTEN.length} handwritten) on ${dir}, ${engine.stats.articles} articles`);
  console.log('time from input to prepared reply, ms (after one warm-up pass over the handwritten inputs)');
  console.log(`${'command'.padEnd(24)}${'count'.padStart(7)}${'p50'.padStart(9)}${'p99'.padStart(9)}${'max'.padStart(9)}  slowest input`);
  try {
    for (const [name, run] of COMMANDS) {
      for (const q of HANDWRITTEN) run(bot, q);
      const times = queries.map((q) => {
        const started = performance.now();
        run(bot, q);
        return performance.now() - started;
      });
      const slowest = queries[times.indexOf(Math.max(...times))]!;
      const shown = JSON.stringify(slowest.length > 40 ? `${slowest.slice(0, 40)}…` : slowest) + (slowest.length > 40 ? ` (${slowest.length} chars)` : '');
      console.log(`${name.padEnd(24)}${String(times.length).padStart(7)}${fmt(percentile(times, 50), 2).padStart(9)}${fmt(percentile(times, 99), 2).padStart(9)}${fmt(Math.max(...times), 2).padStart(9)}  ${shown}`);
    }
  } finally {
    bot.context.follows.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
