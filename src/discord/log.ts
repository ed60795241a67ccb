import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON lines on stdout: one event per line, with its context as fields. Shards of
 * `npm run start:sharded` share the manager's stdout, so each line names its shard.
 */
export function createLogger(level: string, shard?: number): Logger {
  return pino({ level, base: { app: 'digest-bot', ...(shard === undefined ? {} : { shard }) } });
}
