import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { FollowStore } from '../follow/store.js';
import type { Engine } from '../search/engine.js';
import type { Suggestion } from '../search/answers.js';
import type { UserError } from './errors.js';
import type { Links } from './render/links.js';
import type { Reply } from './reply.js';

/** The part of discord.js's option resolver a handler reads; plain objects satisfy it in tests. */
export interface OptionReader {
  getString(name: string): string | null;
  getInteger(name: string): number | null;
}

/** A server channel a command was used in, with the permissions Discord computed for it there. */
export interface Place {
  guildId: string;
  channelId: string;
  /** The member's permissions in the channel (overwrites applied), as a bit field. */
  member: bigint;
  /** The bot's own permissions in the channel. */
  bot: bigint;
}

/** Who used a command and where, and the bot's stored data: what commands beyond the engine need. */
export interface CommandContext {
  userId: string;
  /** Null outside a server (a DM). */
  place: Place | null;
  follows: FollowStore;
}

/**
 * One slash command, one file in `commands/`. Handlers return what to answer and never talk to
 * Discord themselves: the router sends it, so limits, privacy and mentions are handled once.
 */
export interface Command {
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /**
   * `links` is how the reply links documents (their source, else their page on the digest site);
   * `context` says who used the command and where, for the commands that need more than the engine.
   */
  run(options: OptionReader, engine: Engine, links: Links, context: CommandContext): Reply | UserError;
  /** Choices for the option being typed; the router fits them to Discord's limits. */
  autocomplete?(engine: Engine, typed: string, context: CommandContext): Suggestion[];
}
