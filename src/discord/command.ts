import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
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

/**
 * One slash command, one file in `commands/`. Handlers return what to answer and never talk to
 * Discord themselves: the router sends it, so limits, privacy and mentions are handled once.
 */
export interface Command {
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** `links` is how the reply links documents (their source, else their page on the digest site). */
  run(options: OptionReader, engine: Engine, links: Links): Reply | UserError;
  /** Choices for the option being typed; the router fits them to Discord's limits. */
  autocomplete?(engine: Engine, typed: string): Suggestion[];
}
