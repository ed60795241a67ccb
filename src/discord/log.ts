import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * The token in a Discord URL: an interaction's (`/interactions/<id>/<token>/callback`) or the
 * webhook's that edits a reply (`/webhooks/<application>/<token>`). A REST error carries the URL it
 * failed on, and for 15 minutes that token lets anyone answer in the bot's name.
 */
const URL_TOKEN = /(\/(?:interactions|webhooks)\/\d+\/)[^/?#"\s]+/g;

/** Shorter than any real token (tests use `x`): scrubbing it would blank out every word it is in. */
const MIN_SECRET = 16;

export const REDACTED = '[redacted]';

/** A log line with the given secrets and any token in a Discord URL replaced by {@link REDACTED}. */
export function scrub(line: string, secrets: readonly string[]): string {
  let clean = line.replace(URL_TOKEN, `$1${REDACTED}`);
  for (const secret of secrets) if (secret.length >= MIN_SECRET) clean = clean.replaceAll(secret, REDACTED);
  return clean;
}

/** What a log line says about where it comes from, and what it must never hold. */
export interface LoggerOptions {
  /** Shards of `npm run start:sharded` share the manager's stdout, so each line names its shard. */
  shard?: number;
  /** Strings scrubbed from every line: the bot token. */
  secrets?: readonly string[];
}

/**
 * Structured JSON lines on stdout: one event per line, with its context as fields. Each line is
 * scrubbed as it is written, whatever error or context it holds: the secrets and interaction
 * tokens never reach the log.
 */
export function createLogger(level: string, options: LoggerOptions = {}): Logger {
  const { shard, secrets = [] } = options;
  return pino({
    level,
    base: { app: 'digest-bot', ...(shard === undefined ? {} : { shard }) },
    hooks: { streamWrite: (line) => scrub(line, secrets) },
  });
}
