import type { Client } from 'discord.js';
import type { Logger } from './log.js';

/** The interactions being answered, so that a shutdown can let them finish. */
export class InFlight {
  /** Set by a shutdown: new interactions are turned away with a short note from then on. */
  stopping = false;
  private readonly pending = new Set<Promise<void>>();

  track(job: Promise<void>): void {
    this.pending.add(job);
    const done = () => this.pending.delete(job);
    job.then(done, done);
  }

  get size(): number {
    return this.pending.size;
  }

  /** Resolves once nothing is in flight (work that arrives meanwhile included), or after `graceMs` with how many are unfinished. */
  async drain(graceMs: number): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(resolve, graceMs, 'timeout')));
    try {
      while (this.pending.size > 0) {
        if ((await Promise.race([Promise.allSettled([...this.pending]), timeout])) === 'timeout') return this.pending.size;
      }
      return 0;
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * SIGTERM (a platform stopping the container), SIGINT, or a shard's manager gone: stop taking work,
 * and `onStop` whatever else runs (the vault watcher), let what is in flight finish, close the
 * gateway, exit 0. Once only: a second signal gets Node's default, an immediate exit, the way to
 * force a stop that hangs.
 */
export function stopOnSignals(client: Client, inFlight: InFlight, log: Logger, { graceMs, onStop }: { graceMs: number; onStop: () => void }): void {
  const stop = async (reason: string) => {
    inFlight.stopping = true;
    log.info({ signal: reason, inFlight: inFlight.size }, 'stopping');
    onStop();
    const unfinished = await inFlight.drain(graceMs);
    if (unfinished > 0) log.warn({ unfinished, graceMs }, 'stopped waiting for interactions in flight');
    await client.destroy();
    log.info('stopped');
  };
  const begin = (reason: string) => {
    if (inFlight.stopping) return;
    stop(reason).then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'could not stop cleanly');
        process.exit(1);
      },
    );
  };
  const onSignal = (signal: NodeJS.Signals) => {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    begin(signal);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  // A shard (npm run start:sharded) stops when its manager does, and when the manager crashes,
  // rather than go on answering beside the shards of the next one.
  process.once('disconnect', () => begin('manager gone'));
}
