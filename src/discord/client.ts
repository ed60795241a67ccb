import {
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type Message,
  type ButtonInteraction,
  type StringSelectMenuInteraction,
  type RepliableInteraction,
} from 'discord.js';
import type { Config } from '../config.js';
import type { FollowStore } from '../follow/store.js';
import type { Engine } from '../search/engine.js';
import { askReply, openReply, topicReply } from './answers.js';
import type { Command, CommandContext } from './command.js';
import { decodeCustomId, decodeOpenValue } from './customId.js';
import type { EngineGate } from './engineGate.js';
import { APOLOGY, RESTARTING, STALE_COMPONENT, UserError, slowDown } from './errors.js';
import { expired, tooLateToRetry } from './interactionWindow.js';
import type { Logger } from './log.js';
import type { InteractionLabels, Metrics, Outcome } from './metrics.js';
import { replyLinks, type Links } from './render/links.js';
import { RateLimiter, USER_RATES } from './rateLimit.js';
import { RecentIds } from './recentIds.js';
import { prepareChoices, send, type Reply } from './reply.js';
import type { InFlight } from './shutdown.js';

export interface Bot {
  commands: ReadonlyMap<string, Command>;
  engine: EngineGate;
  follows: FollowStore;
  log: Logger;
  /** DIGEST_BASE_URL: where replies link articles that have no source link. */
  siteBase: string | undefined;
  inFlight: InFlight;
  metrics: Metrics;
}

interface Limits {
  interactions: RateLimiter;
  autocomplete: RateLimiter;
}

export function createClient(config: Pick<Config, 'DISCORD_API_URL' | 'SHARDS'>): Client {
  // discord.js reads SHARD_COUNT from the environment too: its ShardingManager tells each shard the
  // total that way. Outside a shard, the setting is the manager's (`auto` by default), and the
  // client would reject it; one process without the manager is one shard.
  if (config.SHARDS === undefined) delete process.env.SHARD_COUNT;
  return new Client({
    // Slash commands need no privileged intent and no message content.
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    // A first answer that a 429 would hold past its deadline is given up at once, not waited for.
    rest: { rejectOnRateLimit: tooLateToRetry, ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}) },
  });
}

/** Routes every interaction; whatever goes wrong in one is logged and never reaches the process. */
export function attachRouter(client: Client, bot: Bot): void {
  const limits = { interactions: new RateLimiter(USER_RATES.interactions), autocomplete: new RateLimiter(USER_RATES.autocomplete) };
  // A replay spans the few events a dropped connection missed; ten thousand ids cover it with room to spare.
  const seen = new RecentIds(10_000);
  client.on(Events.InteractionCreate, (interaction) => {
    if (seen.add(interaction.id)) bot.inFlight.track(route(interaction, bot, limits));
    else bot.log.info(describe(interaction), 'ignored an interaction delivered again');
  });
}

async function route(interaction: Interaction, bot: Bot, limits: Limits): Promise<void> {
  const started = performance.now();
  const outcome = await handle(interaction, bot, limits);
  bot.metrics.record(labels(interaction), outcome, (performance.now() - started) / 1000);
}

async function handle(interaction: Interaction, bot: Bot, limits: Limits): Promise<Outcome> {
  const context = describe(interaction);
  try {
    const refused = refusal(interaction, bot, limits);
    if (refused) {
      bot.log.info({ ...context, reason: refused.reason }, 'refused');
      if (interaction.isAutocomplete()) await interaction.respond([]);
      else if (interaction.isRepliable()) await send(interaction, refused.reply);
      return 'refused';
    }
    if (interaction.isAutocomplete()) {
      await autocomplete(interaction, bot);
      return 'answered';
    }
    if (interaction.isChatInputCommand()) {
      const command = bot.commands.get(interaction.commandName);
      if (!command) return await sent(interaction, new UserError('这个命令已不存在，请刷新后重试。'));
      return await answer(interaction, bot, (engine, links) => command.run(interaction.options, engine, links, commandContext(interaction, bot)), 'reply');
    }
    if (interaction.isButton() || interaction.isStringSelectMenu()) return await component(interaction, bot);
    return 'ignored';
  } catch (err) {
    if (expired(err)) {
      // Its token ran out (a first answer has 3 s): nothing, not even an apology, can reach the user now.
      bot.log.warn({ err, ...context }, 'interaction expired before its reply landed');
      return 'expired';
    }
    bot.log.error({ err, ...context }, 'interaction failed');
    if (interaction.isRepliable()) await apologise(interaction, bot, context);
    return 'failed';
  }
}

/** Sends a reply, and says whether it answered or told the user of a mistake. */
async function sent(interaction: RepliableInteraction, outcome: Reply | UserError, how: 'reply' | 'update' = 'reply'): Promise<Outcome> {
  await send(interaction, outcome, how);
  return outcome instanceof UserError ? 'user_error' : 'answered';
}

/** Not while stopping, nor past the user's rate (autocomplete has a looser one of its own). */
function refusal(interaction: Interaction, bot: Bot, limits: Limits): { reason: string; reply: UserError } | undefined {
  if (bot.inFlight.stopping) return { reason: 'stopping', reply: RESTARTING };
  const waitMs = (interaction.isAutocomplete() ? limits.autocomplete : limits.interactions).take(interaction.user.id);
  return waitMs > 0 ? { reason: 'rate limited', reply: slowDown(waitMs) } : undefined;
}

/** Autocomplete has no way to defer: answer at once, with nothing while the index still opens. */
async function autocomplete(interaction: AutocompleteInteraction, bot: Bot): Promise<void> {
  const command = bot.commands.get(interaction.commandName);
  const engine = bot.engine.current;
  const suggestions = engine && command?.autocomplete ? command.autocomplete(engine, interaction.options.getFocused(), commandContext(interaction, bot)) : [];
  await interaction.respond(prepareChoices(suggestions));
}

/**
 * Answers directly when the index is open: engine calls take milliseconds, and a direct answer
 * is one callback, which Discord does not rate-limit. Only while the index still opens is the
 * interaction deferred (Discord wants a first answer within 3 s) and the answer sent as an edit.
 */
async function answer(
  interaction: RepliableInteraction,
  bot: Bot,
  work: (engine: Engine, links: Links) => Reply | UserError,
  how: 'reply' | 'update',
): Promise<Outcome> {
  const reply = (engine: Engine) => work(engine, replyLinks(bot.siteBase, engine));
  const engine = bot.engine.current;
  if (engine) return sent(interaction, reply(engine), how);
  if (how === 'update' && interaction.isMessageComponent()) await interaction.deferUpdate();
  else await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  bot.log.info(describe(interaction), 'deferred: index still opening');
  return sent(interaction, reply(await bot.engine.ready), how);
}

async function component(interaction: ButtonInteraction | StringSelectMenuInteraction, bot: Bot): Promise<Outcome> {
  const state = decodeCustomId(interaction.customId);
  switch (state?.kind) {
    case 'share':
      return sent(interaction, shared(interaction.message));
    case 'askPage':
      return answer(interaction, bot, (engine, links) => askReply(engine, links, state), 'update');
    case 'topicPage':
      return answer(interaction, bot, (engine, links) => topicReply(engine, links, state.topic, state.offset), 'update');
    case 'open': {
      const target = interaction.isStringSelectMenu() ? decodeOpenValue(interaction.values[0] ?? '') : null;
      if (!target) return sent(interaction, STALE_COMPONENT);
      return answer(interaction, bot, (engine, links) => openReply(engine, links, target), 'reply');
    }
    default:
      return sent(interaction, STALE_COMPONENT);
  }
}

/**
 * Sharing posts the very answer the user sees, copied from the message: no state to keep, and
 * the same even if the vault changed since. Without buttons, which would page for everyone.
 */
function shared(message: Message): Reply {
  return { content: message.content, embeds: message.embeds.map((e) => e.toJSON()), ephemeral: false };
}

async function apologise(interaction: RepliableInteraction, bot: Bot, context: object): Promise<void> {
  try {
    await send(interaction, { content: APOLOGY });
  } catch (err) {
    bot.log.error({ err, ...context }, 'could not send the apology either');
  }
}

/** Who used the command, and where, with the permissions Discord computed for that channel. */
function commandContext(interaction: ChatInputCommandInteraction | AutocompleteInteraction, bot: Bot): CommandContext {
  const { guildId, channelId, memberPermissions } = interaction;
  const place =
    guildId && channelId && memberPermissions
      ? { guildId, channelId, member: memberPermissions.bitfield, bot: interaction.appPermissions.bitfield }
      : null;
  return { userId: interaction.user.id, place, follows: bot.follows };
}

/** What the metrics count an interaction under: a handful of values each, never what the user typed. */
function labels(interaction: Interaction): InteractionLabels {
  if (interaction.isChatInputCommand()) return { kind: 'command', command: interaction.commandName };
  if (interaction.isAutocomplete()) return { kind: 'autocomplete', command: interaction.commandName };
  if (interaction.isMessageComponent()) return { kind: 'component', command: decodeCustomId(interaction.customId)?.kind ?? 'stale' };
  return { kind: 'other', command: '' };
}

/** What the logs say about an interaction: enough to find it and to reproduce it. */
function describe(interaction: Interaction): Record<string, unknown> {
  const base = { interaction: interaction.id, user: interaction.user.id };
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) {
    return { ...base, command: interaction.commandName, options: interaction.options.data.map((o) => ({ name: o.name, value: o.value })) };
  }
  if (interaction.isMessageComponent()) return { ...base, customId: interaction.customId };
  return base;
}
