import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON lines on stdout: one event per line, with its context as fields. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'digest-bot' } });
}
