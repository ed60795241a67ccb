import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { command as ask } from '../../commands/ask.js';
import { command as follow } from '../../commands/follow.js';
import { command as following } from '../../commands/following.js';
import { command as summary } from '../../commands/summary.js';
import { command as topic } from '../../commands/topic.js';
import { command as unfollow } from '../../commands/unfollow.js';
import { askReply, openReply, topicReply } from '../../src/discord/answers.js';
import type { Command, CommandContext, OptionReader } from '../../src/discord/command.js';
import { replyLinks, type Links } from '../../src/discord/render/links.js';
import { decodeCustomId, decodeOpenValue } from '../../src/discord/customId.js';
import { UserError } from '../../src/discord/errors.js';
import { prepare, prepareChoices, type Reply } from '../../src/discord/reply.js';
import { FollowStore } from '../../src/follow/store.js';
import { openEngine, type Engine } from '../../src/search/engine.js';
import { hostileQueries } from '../fixtures/hostile.js';
import { cleanupTemp, tempDir } from '../helpers/vault.js';
import { FIXTURE_VAULT } from './e2e/botProcess.js';
import { limitViolations } from './withinLimits.js';

/**
 * The hostile corpus (tests/fixtures/hostile.ts, over 1,000 inputs) through every command's
 * handler, every autocomplete and every component, as the router calls them: nothing throws, and
 * every reply, once prepared, is within Discord's limits and pings nobody.
 */

const QUERIES = hostileQueries();

let engine: Engine;
/** Replies link to sources and vault paths, or to pages on a site: both kinds of reply are checked. */
let linkModes: Links[];
const linksFor = (i: number) => linkModes[i % linkModes.length]!;
/** A member who may manage the channel, where the bot may post: the commands go furthest. */
let context: CommandContext;
beforeAll(async () => {
  engine = await openEngine({ dir: FIXTURE_VAULT, persist: false });
  linkModes = [replyLinks(undefined, engine), replyLinks('https://digest.example.com/', engine)];
  const posting = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks;
  const place = { guildId: '1300000000000000009', channelId: '1300000000000000001', member: PermissionFlagsBits.ManageChannels, bot: posting };
  context = { userId: '1300000000000000002', place, follows: FollowStore.open(tempDir()) };
});
afterAll(() => {
  context.follows.close();
  cleanupTemp();
});

/** Every command, with the option the input goes into (none for /following). */
const COMMANDS: [Command, string | null][] = [
  [ask, 'question'],
  [topic, 'name'],
  [summary, 'title'],
  // Unfollowed before followed, so follows pile up and /following lists them all.
  [unfollow, 'topic'],
  [follow, 'topic'],
  [following, null],
];

const options = (values: Record<string, string | number>): OptionReader => ({
  getString: (name) => (typeof values[name] === 'string' ? values[name] : null),
  getInteger: (name) => (typeof values[name] === 'number' ? values[name] : null),
});

/** Half an emoji cut off by a truncation would be a lone surrogate, which Discord rejects. */
const LONE_SURROGATE = /[\ud800-\udfff]/u;

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Every way a handler's outcome could be refused by Discord or ping someone, for one input. */
function problems(outcome: Reply | UserError, input: string): string[] {
  const prepared = prepare(outcome);
  const found = limitViolations(prepared);
  if (!LONE_SURROGATE.test(input) && strings(prepared).some((s) => LONE_SURROGATE.test(s))) found.push('a lone surrogate');
  return found.map((problem) => `${problem} for ${JSON.stringify(input.slice(0, 80))}`);
}

test('the corpus holds over 1,000 inputs', () => {
  expect(QUERIES.length).toBeGreaterThanOrEqual(1000);
});

describe('every hostile input', () => {
  test('every command answers each within Discord’s limits, pinging nobody', () => {
    const found = QUERIES.flatMap((q, i) =>
      COMMANDS.flatMap(([command, option]) => problems(command.run(options(option ? { [option]: q } : {}), engine, linksFor(i), context), q)),
    );
    expect(found).toEqual([]);
    // The inputs naming a topic were followed, and listed within the limits too.
    expect(context.follows.subscriptions(context.place!.channelId).length).toBeGreaterThan(0);
  });

  test('/ask with the input as its date and any page size answers or explains', () => {
    const limits = [-1, 0, 1, 10, 11, 2 ** 31, Number.MAX_SAFE_INTEGER];
    const found = QUERIES.flatMap((q, i) => problems(ask.run(options({ question: '芯片', since: q, limit: limits[i % limits.length]! }), engine, linksFor(i)), q));
    expect(found).toEqual([]);
  });

  test('autocomplete offers at most 25 choices, each named and valued in 1 to 100 characters', () => {
    for (const q of QUERIES) {
      for (const [command] of COMMANDS) {
        if (!command.autocomplete) continue;
        const choices = prepareChoices(command.autocomplete(engine, q, context));
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const c of choices) {
          expect(c.name.length, q).toBeGreaterThanOrEqual(1);
          expect(c.name.length, q).toBeLessThanOrEqual(100);
          expect(c.value.length, q).toBeGreaterThanOrEqual(1);
          expect(c.value.length, q).toBeLessThanOrEqual(100);
        }
      }
    }
  });

  test('as a button or menu value: refused as stale, or answered within the limits', () => {
    const found: string[] = [];
    for (const [i, q] of QUERIES.entries()) {
      const links = linksFor(i);
      for (const id of [q, `v1|askPage|0|5||${q}`, `v1|askPage|5|5|2025-01-01|${q}`, `v1|topicPage|0|${q}`, `v1|topicPage|10|${q}`]) {
        const state = decodeCustomId(id);
        if (state?.kind === 'askPage') found.push(...problems(askReply(engine, links, state), q));
        if (state?.kind === 'topicPage') found.push(...problems(topicReply(engine, links, state.topic, state.offset), q));
      }
      for (const value of [q, `d:${q}`, `t:${q}`]) {
        const target = decodeOpenValue(value);
        if (target) found.push(...problems(openReply(engine, links, target), q));
      }
    }
    expect(found).toEqual([]);
  });
});
